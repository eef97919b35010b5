import type { ReadStore, StoredDocument } from '#read-store';
import type { SubjectProfileDocument } from './subject-profile.document';
import { SUBJECT_PROFILES } from './subject-profile';

export async function getProfile(
  store: ReadStore,
  subjectId: string,
): Promise<StoredDocument<SubjectProfileDocument> | undefined> {
  return store.get<SubjectProfileDocument>(SUBJECT_PROFILES, subjectId);
}

/** Profiles in the order of `subjectIds`; unknown ids are left out. */
export function getProfiles(
  store: ReadStore,
  subjectIds: readonly string[],
): Promise<Array<StoredDocument<SubjectProfileDocument>>> {
  return store.getMany<SubjectProfileDocument>(SUBJECT_PROFILES, subjectIds);
}

/**
 * Subjects whose active contact point has this blind index (`email:<hex>`); exact, because the
 * index is over the normalised address. Several subjects may share an address (a family mailbox).
 */
export async function findByLookupKey(
  store: ReadStore,
  lookupKey: string,
  limit = 100,
): Promise<Array<StoredDocument<SubjectProfileDocument>>> {
  const page = await store.find<SubjectProfileDocument>(SUBJECT_PROFILES, { lookupKeys: lookupKey }, { limit });
  return page.items;
}
