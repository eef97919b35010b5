/**
 * The shapes of the api's answers the dashboard reads, taken from the types generated from the
 * OpenAPI document (`npm run api:types` writes schema.d.ts; a test fails when it is out of date).
 */
import type { components } from './schema';

type Schemas = components['schemas'];

export type Identity = Schemas['Identity'];
export type Role = Identity['roles'][number];
export type ConsentFigures = Schemas['ConsentFigures'];
export type PeopleFigures = Schemas['PeopleFigures'];
export type DueRequest = Schemas['DueRequest'];
export type PictureCell = Schemas['PictureCell'];
export type LegalHold = Schemas['LegalHold'];
export type MissionControlFigures = Schemas['MissionControlFigures'];
export type ConsentCell = Schemas['ConsentCell'];
export type Revealed = Schemas['Revealed'];
export type ContactPoint = Schemas['ContactPoint'];
export type Block = Schemas['Block'];
export type Objection = Schemas['Objection'];
export type SubjectProfile = Schemas['SubjectProfile'];
export type SubjectSummary = Schemas['SubjectSummary'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type Contactability = Schemas['Contactability'];
export type DsrRequest = Schemas['DsrRequest'];
export type Verification = Schemas['Verification'];
export type AnchorRecord = Schemas['AnchorRecord'];
export type CommandResponse = Schemas['CommandResponse'];
export type ExportDeliveryIssued = Schemas['ExportDeliveryIssued'];
