import { fold, SUBJECT, subjectEvent, T0, T1, T2 } from './projection.fixtures';
import type { ProjectedEvent } from './read-model';
import { SUBJECT_PROFILES, subjectProfileModel } from './subject-profile';
import type { SubjectProfileDocument } from './subject-profile.document';
import { registered } from './subject-profile.fixtures';

const CIPHER_4711 = 'enc:v1:k1:iv:crm-4711';
const CIPHER_4712 = 'enc:v1:k1:iv:crm-4712';
const CRM_4711 = `externalId:${'c'.repeat(64)}`;
const CRM_4712 = `externalId:${'d'.repeat(64)}`;
const SHOP_K1 = `externalId:${'e'.repeat(64)}`;

function profileAfter(...events: ProjectedEvent[]): SubjectProfileDocument {
  const doc = fold(subjectProfileModel, events).get(`${SUBJECT_PROFILES}/${SUBJECT}`);
  if (doc === undefined) throw new Error('no profile document');
  return doc;
}

/** An event as the runner hands it on: with the blind indexes the deriver computed for its external ids. */
function withIndexes(event: ProjectedEvent, externalIdIndexes: Record<string, string>): ProjectedEvent {
  return { ...event, derived: { ...event.derived, externalIdIndexes } };
}

const registeredWithCrm = () => {
  const base = registered();
  const data = { ...base.data, externalIds: [{ system: 'crm', id: CIPHER_4711 }] };
  return withIndexes({ ...base, data }, { crm: CRM_4711 });
};
const linked = (system: string, id: string, index: string) =>
  withIndexes(subjectEvent('ExternalIdLinked', { system, id, linkedAt: T1 }), { [system]: index });

describe('subject profile read model: identity links', () => {
  it('SubjectRegistered: keeps each external id as ciphertext and its blind index as a lookup key', () => {
    const event = registeredWithCrm();
    const doc = profileAfter(event);
    expect(doc.externalIds).toEqual([{ system: 'crm', id: CIPHER_4711, lookupKey: CRM_4711, eventId: event.id }]);
    expect(doc.lookupKeys).toContain(CRM_4711);
  });

  it('a registration recorded before identity linking has no external ids', () => {
    expect(profileAfter(registered()).externalIds).toEqual([]);
  });

  it('ExternalIdLinked: adds a system, and replaces the id of a system in place (one per system)', () => {
    const shop = linked('shop', 'enc:v1:k1:iv:shop', SHOP_K1);
    const corrected = linked('crm', CIPHER_4712, CRM_4712);
    const doc = profileAfter(registeredWithCrm(), shop, corrected);
    expect(doc.externalIds.map(({ system, id }) => [system, id])).toEqual([
      ['crm', CIPHER_4712],
      ['shop', 'enc:v1:k1:iv:shop'],
    ]);
    expect(doc.lookupKeys).toEqual(expect.arrayContaining([CRM_4712, SHOP_K1]));
    expect(doc.lookupKeys).not.toContain(CRM_4711);
    expect(doc.updatedAt).toBe(T1);
  });

  it('ExternalIdUnlinked: drops the link and its lookup key', () => {
    const unlinked = subjectEvent('ExternalIdUnlinked', { system: 'crm', unlinkedAt: T2 });
    const doc = profileAfter(registeredWithCrm(), unlinked);
    expect(doc.externalIds).toEqual([]);
    expect(doc.lookupKeys).not.toContain(CRM_4711);
    expect(doc.updatedAt).toBe(T2);
  });

  it('ExternalIdUnlinked of a system not linked changes nothing', () => {
    const registration = registeredWithCrm();
    const before = profileAfter(registration);
    const after = profileAfter(registration, subjectEvent('ExternalIdUnlinked', { system: 'erp', unlinkedAt: T2 }));
    expect(after).toEqual(before);
    expect(after.updatedAt).toBe(T0);
  });

  it('SubjectErased: drops the links and their lookup keys (Art. 17)', () => {
    const erased = subjectEvent('SubjectErased', { cause: 'data_subject_request', erasedAt: T2 });
    const doc = profileAfter(registeredWithCrm(), erased);
    expect(doc.externalIds).toEqual([]);
    expect(doc.lookupKeys).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain(CIPHER_4711);
  });

  it('an erased subject replayed without derived indexes is never re-indexed', () => {
    const erased = subjectEvent('SubjectErased', { cause: 'data_subject_request', erasedAt: T2 });
    const { derived: _derived, ...bare } = registeredWithCrm();
    const doc = profileAfter({ ...bare, derived: {} }, erased);
    expect(doc.lookupKeys).toEqual([]);
  });

  it('is idempotent when run twice', () => {
    const events = [registeredWithCrm(), linked('shop', 'enc:v1:k1:iv:shop', SHOP_K1)];
    const once = fold(subjectProfileModel, events);
    expect(fold(subjectProfileModel, events, once)).toEqual(once);
  });
});
