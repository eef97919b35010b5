import { ApiError } from '../api/api-error';

const ENDED = new Set(['PRIVACY_CENTER.SESSION_REQUIRED', 'PRIVACY_CENTER.CSRF_INVALID']);

/** The session is over (30 minutes passed, signed out elsewhere, erased): the page offers a new sign-in. */
export const sessionEnded = (failure: unknown): boolean => failure instanceof ApiError && ENDED.has(failure.code);

const LINK_PROBLEMS = {
  'PRIVACY_CENTER.LINK_EXPIRED': 'expired',
  'PRIVACY_CENTER.LINK_USED': 'used',
  'PRIVACY_CENTER.LINK_INVALID': 'invalid',
} as const;

export type LinkProblem = (typeof LINK_PROBLEMS)[keyof typeof LINK_PROBLEMS];

/** Why a link did not open a session; anything unforeseen reads as "not valid", which reveals nothing. */
export function linkProblem(failure: unknown): LinkProblem {
  if (failure instanceof ApiError && failure.code in LINK_PROBLEMS)
    return LINK_PROBLEMS[failure.code as keyof typeof LINK_PROBLEMS];
  return 'invalid';
}
