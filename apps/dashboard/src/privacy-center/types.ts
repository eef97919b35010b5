/** What `GET /privacy-center/me` answers (the contract between the page and its server). */
export interface Me {
  locale: string;
  expiresAt: string;
  contactPoints: ContactPoint[];
  topics: Topic[];
  objections: Objection[];
  blocks: Block[];
  requests: OpenRequest[];
}

export interface ContactPoint {
  contactPointId: string;
  channel: string;
  masked: string;
}

export interface Topic {
  topicId: string;
  title: string;
  purpose: string;
  legalBasis: string;
  profiling: boolean;
  channels: string[];
  /** The exact current text, as the person would agree to it. */
  text: { version: number; language: string; text: string } | null;
  consents: Consent[];
}

export interface Consent {
  channel: string;
  contactPointId?: string;
  status: string;
  since?: string;
  method?: string;
}

export interface Objection {
  kind: string;
  topicId?: string;
  channel?: string;
  raisedAt: string;
}

export interface Block {
  blockId: string;
  kind: string;
  channel?: string;
  topicId?: string;
  setAt: string;
}

export interface OpenRequest {
  requestId: string;
  kind: string;
  status: string;
  receivedAt: string;
  dueAt: string;
}

/** The answer to every action. */
export interface Outcome {
  outcome: string;
  message?: string;
  requestId?: string;
  dueAt?: string;
}

export interface Session {
  csrfToken: string;
  expiresAt: string;
  locale: string;
}

/** How the person arrived: a mail-footer link or a sign-in link, each carrying its token in the fragment. */
export interface EntryToken {
  token: string;
  kind: 'link' | 'signin';
}
