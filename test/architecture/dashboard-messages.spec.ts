import { ERROR_KINDS } from '#domain';
import { CONTACTABILITY_REASONS } from '../../projections/contactability.reasons';
import { refusalsDe } from '../../apps/dashboard/src/i18n/codes/refusals.de';
import { refusalsEn } from '../../apps/dashboard/src/i18n/codes/refusals.en';
import { termsDe } from '../../apps/dashboard/src/i18n/codes/terms.de';
import { termsEn } from '../../apps/dashboard/src/i18n/codes/terms.en';
import { EDGE_STATUS } from '../../apps/api/src/http/edge-refusals';

/**
 * Every code the dashboard can receive is shown in words in both of its languages (issue #19): a
 * new refusal in either catalogue, or a new contactability reason, fails here until it has them.
 */
describe('the dashboard speaks every code the api sends', () => {
  const refusals = [...new Set([...Object.keys(ERROR_KINDS), ...Object.keys(EDGE_STATUS)])];
  const missing = (table: Readonly<Record<string, string>>, codes: readonly string[]) =>
    codes.filter((code) => !table[code]?.trim());

  it('has an English and a German text for every refusal code of both catalogues', () => {
    expect(refusals.length).toBeGreaterThan(90);
    expect({ en: missing(refusalsEn, refusals), de: missing(refusalsDe, refusals) }).toEqual({ en: [], de: [] });
  });

  it('has an English and a German text for every contactability reason', () => {
    const reasons = [...CONTACTABILITY_REASONS];
    expect({ en: missing(termsEn.reason, reasons), de: missing(termsDe.reason, reasons) }).toEqual({ en: [], de: [] });
  });

  // A text for a code this branch does not have yet (another branch adds it) is harmless; a missing one is not.
  it('keeps the two languages to the same codes', () => {
    expect(Object.keys(refusalsDe).sort()).toEqual(Object.keys(refusalsEn).sort());
    for (const kind of ['channel', 'method', 'legalBasis', 'field', 'reason'] as const)
      expect({ kind, de: Object.keys(termsDe[kind]).sort() }).toEqual({ kind, de: Object.keys(termsEn[kind]).sort() });
  });
});
