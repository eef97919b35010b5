/** The roles an API key can hold; each route names the ones it accepts (admin is not implied). */
export const ROLES = ['admin', 'crm', 'journey', 'auditor', 'dpo'] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
