import { fold, LATER, subjectEvent, T1, T2 } from './projection.fixtures';
import type { ProjectedEvent } from './read-model';
import { registered } from './subject-profile.fixtures';
import { SUBJECT_PROFILES, subjectProfileModel } from './subject-profile';
import type { SubjectProfileDocument } from './subject-profile.document';

const profileAfter = (...events: ProjectedEvent[]) =>
  [...fold(subjectProfileModel, events).values()][0] as SubjectProfileDocument;

const placed = (holdId = 'h-1') =>
  subjectEvent('LegalHoldPlaced', {
    holdId,
    reason: 'enc:v1:k1:iv:invoices',
    until: LATER,
    placedBy: 'dpo',
    placedAt: T1,
  });
const deferred = () =>
  subjectEvent('ErasureDeferred', { holdId: 'h-1', reason: 'enc:v1:k1:iv:x', until: LATER, deferredAt: T2 });

describe('subject profile: legal holds and deferred erasure (Art. 17(3))', () => {
  it('keeps a placed hold with its ciphertext reason and the erasure it deferred', () => {
    const doc = profileAfter(registered(), placed(), deferred());
    expect(doc.legalHolds).toEqual([
      { holdId: 'h-1', reason: 'enc:v1:k1:iv:invoices', until: LATER, placedAt: T1, eventId: expect.any(String) },
    ]);
    expect(doc.erasureDeferral).toEqual({ holdId: 'h-1', until: LATER, deferredAt: T2, eventId: expect.any(String) });
    expect(doc.updatedAt).toBe(T2);
  });

  it('drops a released hold', () => {
    const released = subjectEvent('LegalHoldReleased', { holdId: 'h-1', releasedAt: T2 });
    expect(profileAfter(registered(), placed(), placed('h-2'), released).legalHolds.map((h) => h.holdId)).toEqual([
      'h-2',
    ]);
  });

  it('drops the reasons of holds on erasure', () => {
    const erased = subjectEvent('SubjectErased', { cause: 'controller', erasedAt: T2 });
    expect(profileAfter(registered(), placed(), erased).legalHolds[0]).not.toHaveProperty('reason');
  });

  it('is idempotent when run twice', () => {
    const events = [registered(), placed(), deferred()];
    const once = fold(subjectProfileModel, events);
    expect(fold(subjectProfileModel, events, once).get(`${SUBJECT_PROFILES}/${events[0]!.data.subjectId}`)).toEqual(
      once.get(`${SUBJECT_PROFILES}/${events[0]!.data.subjectId}`),
    );
  });
});
