import type { Role } from '../api/types';

/**
 * Which roles each dashboard action needs: the same lists the api's routes declare with @Roles
 * (see /docs/json, `x-roles`). The api still decides; this only hides what would be refused.
 */
export const ACTION_ROLES = {
  stats: ['admin', 'dpo', 'crm', 'auditor'],
  lookup: ['crm', 'dpo', 'admin'],
  profile: ['crm', 'dpo', 'admin', 'auditor', 'journey'],
  timeline: ['crm', 'dpo', 'auditor', 'admin'],
  contactability: ['journey', 'crm', 'admin'],
  revoke: ['crm', 'journey', 'dpo', 'admin'],
  objection: ['crm', 'journey', 'dpo', 'admin'],
  block: ['crm', 'dpo', 'admin'],
  liftBlock: ['crm', 'dpo', 'admin'],
  answerRequest: ['crm', 'dpo', 'admin'],
  export: ['crm', 'dpo', 'admin'],
  deliverExport: ['crm', 'dpo', 'admin'],
  erasure: ['dpo', 'admin', 'crm'],
  requests: ['crm', 'dpo', 'admin', 'auditor'],
  verify: ['auditor', 'dpo', 'admin'],
  anchors: ['auditor', 'dpo', 'admin'],
  receipt: ['crm', 'dpo', 'auditor', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof ACTION_ROLES;

export function can(roles: readonly Role[], action: Action): boolean {
  return (ACTION_ROLES[action] as readonly Role[]).some((role) => roles.includes(role));
}
