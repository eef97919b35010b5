import { PRIVACY_CENTER_METHOD, type ActEvidenceInput } from '#domain';
import type { CommandContext } from '../commands/command-context';

/** Who acted in the Privacy Center, as every event it records names them (never personal data). */
export const PRIVACY_CENTER_ACTOR = 'privacy-center';
/** The `sourceSystem` of its evidence and double opt-in requests. */
export const PRIVACY_CENTER_SOURCE = 'privacy-center';

/** The signed-in person: their subject, and the address their sign-in mail proved (if they came by mail). */
export interface SelfServiceSession {
  subjectId: string;
  provenContactPointId?: string;
}

/** One click in the Privacy Center: when, with which retry key, from which client (Art. 7(1) evidence). */
export interface SelfServiceAct {
  context: CommandContext;
  ipAddress?: string;
  userAgent?: string;
  /** `Sec-GPC: 1` came with the request. */
  globalPrivacyControl: boolean;
}

export type SelfServiceOutcome =
  | { outcome: 'granted' | 'double-opt-in-sent' | 'revoked' | 'objected' | 'blocked' }
  | { outcome: 'requested'; requestId: string; dueAt: string };

/** The evidence of the person's own act, with the text version the page showed them. */
export function actEvidence(act: SelfServiceAct, textVersion?: number): ActEvidenceInput {
  return {
    method: PRIVACY_CENTER_METHOD,
    sourceSystem: PRIVACY_CENTER_SOURCE,
    ...(textVersion ? { textVersion } : {}),
    ...(act.ipAddress ? { ipAddress: act.ipAddress } : {}),
    ...(act.userAgent ? { userAgent: act.userAgent.slice(0, 1000) } : {}),
    globalPrivacyControl: act.globalPrivacyControl,
  };
}
