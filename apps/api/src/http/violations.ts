import type { ValidationError } from 'class-validator';

/** One broken rule: the field's dotted path, the class-validator rule name and its message. */
export interface Violation {
  field: string;
  rule: string;
  message: string;
}

/**
 * Flattens class-validator's tree into dotted paths (`evidence.affirmativeAction`,
 * `contactPoints.0.address`), so a client can point at the exact input without walking `children`.
 */
export function flattenViolations(errors: readonly ValidationError[], parent = ''): Violation[] {
  return errors.flatMap((error) => {
    const field = parent === '' ? error.property : `${parent}.${error.property}`;
    const own = Object.entries(error.constraints ?? {}).map(([rule, message]) => ({ field, rule, message }));
    return [...own, ...flattenViolations(error.children ?? [], field)];
  });
}
