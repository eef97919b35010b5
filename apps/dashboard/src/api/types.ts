/** The shapes of the api's answers the dashboard reads (see /docs/json). */
export type Role = 'admin' | 'crm' | 'journey' | 'auditor' | 'dpo';

export interface Identity {
  name: string;
  roles: Role[];
}

export interface ConsentFigures {
  topicId: string;
  title: string;
  legalBasis: string;
  topicStatus: string;
  channel: string;
  neverAsked: number;
  pendingDoubleOptIn: number;
  granted: number;
  revoked: number;
  expired: number;
  reconsentRequired: number;
  blocked: number;
}

export interface MissionControlFigures {
  position: number;
  computedAt: string;
  consents: ConsentFigures[];
}

export interface ConsentCell {
  topicId: string;
  channel: string;
  contactPointId?: string;
  status: string;
  recordedStatus: string;
  textVersion?: number;
  method?: string;
  grantedAt?: string;
  revokedAt?: string;
  expiresAt?: string;
}

export type Revealed = string | { erased: true } | { redacted: true };

export interface ContactPoint {
  contactPointId: string;
  channel: string;
  status: string;
  address?: Revealed;
}

export interface Block {
  blockId: string;
  scope: { kind: string; channel?: string; topicId?: string; contactPointId?: string };
  reason?: Revealed;
  setAt?: string;
}

export interface Objection {
  scope: { kind: string; topicId?: string; channel?: string };
  raisedAt?: string;
}

export interface SubjectProfile {
  subjectId: string;
  erased: boolean;
  registeredAt?: string;
  updatedAt?: string;
  locale?: string;
  consents: ConsentCell[];
  objections: Objection[];
  blocks: Block[];
  contactPoints?: ContactPoint[];
  profile?: Record<string, Revealed>;
  position: number;
}

export interface SubjectSummary {
  subjectId: string;
  locale?: string;
  contactPoints: ContactPoint[];
}

export interface TimelineEntry {
  eventId: string;
  type: string;
  revision: number;
  recordedAt: string;
  actor: unknown;
  hash: unknown;
  description: { en: string; de: string };
  evidence?: Record<string, unknown>;
  textVersion?: { topicId: string; version: number; textHash?: string; language?: string; publishedAt?: string };
}

export interface Contactability {
  allowed: boolean;
  legalBasis: string;
  reasons: Array<{ code: string; eventIds: string[] }>;
  contactPointIds: string[];
}

export interface DsrRequest {
  requestId: string;
  subjectId: string;
  kind: string;
  channel: string;
  receivedAt: string;
  dueAt: string;
  extendedUntil?: string;
  status: string;
}

export interface Verification {
  ok: boolean;
  events: number;
  head: { revision: number; hash: string };
  firstBreak?: { revision?: number; message?: string };
  anchors: { covering: number; signaturesValid: number; firstMismatch?: { message: string } };
  inclusion?: { verified: boolean; anchorRevision: number; treeSize: number };
}

export interface AnchorRecord {
  revision: number;
  position: number;
  hash: string;
  checkpoint: { tree?: string; position: number; logSize: number; merkleRoot: string; keyId: string; time: string };
}

export interface CommandResponse {
  stream: string;
  revision: number;
  position: number;
  replayed: boolean;
}
