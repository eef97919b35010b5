import type { JourneyKeys } from '#runtime';
import { DerivedTokens } from './derived-tokens';

export const DOUBLE_OPT_IN_TOKENS = Symbol('DOUBLE_OPT_IN_TOKENS');

/** Double opt-in tokens: (subject, request) under their own derived key. */
export class DoubleOptInTokens extends DerivedTokens {
  constructor(keys: JourneyKeys) {
    super(keys.doubleOptIn);
  }
}
