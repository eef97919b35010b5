import { personalDataSources, type SourcedEvent } from './personal-data-sources';

const at = (revision: number, type: string, data: Record<string, unknown>, metadata: Record<string, unknown>) =>
  ({ type, revision, data, metadata }) as SourcedEvent;
const shop = { actor: 'crm-key', recordedAt: '2026-01-01T00:00:00.000Z', sourceSystem: 'webshop' };
const callCentre = { actor: 'crm-key', recordedAt: '2026-02-01T00:00:00.000Z', sourceSystem: 'call-centre' };

describe('personalDataSources (Art. 15(1)(g))', () => {
  const registered = at(
    0,
    'SubjectRegistered',
    {
      locale: 'de',
      contactPoints: [{ contactPointId: 'cp-1' }, { contactPointId: 'cp-2' }],
      profile: { firstName: 'A', lastName: 'B' },
    },
    shop,
  );

  it('names, per field held, the source system and who recorded it last', () => {
    const sources = personalDataSources([
      registered,
      at(1, 'ContactPointRectified', { contactPointId: 'cp-1' }, callCentre),
      at(2, 'ConsentGranted', { topicId: 't' }, callCentre),
    ]);
    expect(sources).toEqual([
      {
        field: 'locale',
        sourceSystem: 'webshop',
        recordedBy: 'crm-key',
        recordedAt: shop.recordedAt,
        event: 'SubjectRegistered',
        revision: 0,
      },
      expect.objectContaining({
        field: 'contactPoints.cp-1',
        sourceSystem: 'call-centre',
        event: 'ContactPointRectified',
        revision: 1,
      }),
      expect.objectContaining({ field: 'contactPoints.cp-2', sourceSystem: 'webshop' }),
      expect.objectContaining({ field: 'profile.firstName', sourceSystem: 'webshop' }),
      expect.objectContaining({ field: 'profile.lastName', sourceSystem: 'webshop' }),
    ]);
  });

  it('drops fields no longer held, and names no source where the command named none', () => {
    const sources = personalDataSources([
      registered,
      at(1, 'ContactPointRemoved', { contactPointId: 'cp-2' }, callCentre),
      at(2, 'ProfileRectified', { changes: { lastName: null, firstName: 'C' } }, { actor: 'import', recordedAt: 'x' }),
    ]);
    expect(sources.map((s) => s.field)).toEqual(['locale', 'contactPoints.cp-1', 'profile.firstName']);
    expect(sources.find((s) => s.field === 'profile.firstName')).toMatchObject({
      sourceSystem: null,
      recordedBy: 'import',
    });
  });
});
