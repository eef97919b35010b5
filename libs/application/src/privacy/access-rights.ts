import type { SupervisoryAuthority } from '#runtime';

/** Art. 15(1)(e), (f): the rights the person holds and where to turn; the readable page words them per language. */
export const DATA_SUBJECT_RIGHTS = [
  { right: 'access', article: 'Art. 15' },
  { right: 'rectification', article: 'Art. 16' },
  { right: 'erasure', article: 'Art. 17' },
  { right: 'restriction', article: 'Art. 18' },
  { right: 'portability', article: 'Art. 20' },
  { right: 'objection', article: 'Art. 21' },
  { right: 'withdraw-consent', article: 'Art. 7(3)' },
  { right: 'complaint', article: 'Art. 77' },
] as const;

export type DataSubjectRight = (typeof DATA_SUBJECT_RIGHTS)[number]['right'];

export interface RightsSection {
  rights: ReadonlyArray<{ right: DataSubjectRight; article: string }>;
  /** The controller to address a request to (Art. 12(2)). */
  controller: { name: string; contact: string };
  /** Art. 77(1): any supervisory authority may be chosen, in particular that of residence or work. */
  supervisoryAuthority: SupervisoryAuthority & { article: 'Art. 77(1)' };
}

export function rightsSection(controller: RightsSection['controller'], authority: SupervisoryAuthority): RightsSection {
  return { rights: DATA_SUBJECT_RIGHTS, controller, supervisoryAuthority: { ...authority, article: 'Art. 77(1)' } };
}
