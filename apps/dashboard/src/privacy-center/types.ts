import type { components } from '../api/schema';

/** The server's answers, as its OpenAPI document declares them (`npm run api:types`). */
type Schemas = components['schemas'];

/** What `GET /privacy-center/me` answers. */
export type Me = Schemas['PrivacyCenterOverview'];
export type ContactPoint = Me['contactPoints'][number];
export type Topic = Me['topics'][number];
export type Consent = Topic['consents'][number];
export type Block = Me['blocks'][number];
/** The answer to every action. */
export type Outcome = Schemas['SelfServiceOutcome'];
export type Session = Schemas['PrivacyCenterSession'];

/** How the person arrived: a mail-footer link or a sign-in link, each carrying its token in the fragment. */
export interface EntryToken {
  token: string;
  kind: 'link' | 'signin';
}
