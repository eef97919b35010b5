import { deciderSpec } from '#testing';
import type { LinkExternalId, UnlinkExternalId } from './external-id.commands';
import type { ExternalIdLinked } from './external-id.events';
import { parseExternalIdReference } from './external-id';
import { context, EARLIER, NOW, registered, SUBJECT_ID } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);

const link = (system: unknown, id: unknown): LinkExternalId => ({
  type: 'LinkExternalId',
  data: { system, id } as LinkExternalId['data'],
  metadata: context,
});
const unlink = (system: unknown): UnlinkExternalId => ({
  type: 'UnlinkExternalId',
  data: { system } as UnlinkExternalId['data'],
  metadata: context,
});
const linked = (system: string, id: string): ExternalIdLinked => ({
  type: 'ExternalIdLinked',
  data: { subjectId: SUBJECT_ID, system, id, linkedAt: EARLIER },
});

describe('LinkExternalId', () => {
  it('records the link to the id in the other system', () => {
    spec
      .given([registered()])
      .when(link('crm', '4711'))
      .then([{ type: 'ExternalIdLinked', data: { subjectId: SUBJECT_ID, system: 'crm', id: '4711', linkedAt: NOW } }]);
  });

  it('corrects the id of a system already linked: one id per system (Art. 16)', () => {
    spec
      .given([registered(), linked('crm', '4711')])
      .when(link('crm', '4712'))
      .then([{ type: 'ExternalIdLinked', data: { subjectId: SUBJECT_ID, system: 'crm', id: '4712', linkedAt: NOW } }]);
  });

  it('linking the same id again records nothing', () => {
    spec
      .given([registered(), linked('crm', '4711')])
      .when(link('crm', '4711'))
      .thenNothing();
  });

  it.each([
    ['EXTERNAL_ID.SYSTEM_INVALID', 'system', 'CRM', '4711'],
    ['EXTERNAL_ID.SYSTEM_INVALID', 'system', '', '4711'],
    ['EXTERNAL_ID.SYSTEM_INVALID', 'system', `c${'r'.repeat(32)}`, '4711'],
    ['EXTERNAL_ID.SYSTEM_INVALID', 'system', '-crm', '4711'],
    ['EXTERNAL_ID.ID_INVALID', 'id', 'crm', ''],
    ['EXTERNAL_ID.ID_INVALID', 'id', 'crm', 'x'.repeat(129)],
    ['EXTERNAL_ID.ID_INVALID', 'id', 'crm', ' 4711'],
    ['EXTERNAL_ID.ID_INVALID', 'id', 'crm', '47\n11'],
    ['EXTERNAL_ID.ID_INVALID', 'id', 'crm', 4711],
  ])('refuses %s on %s (%p: %p)', (code, field, system, id) => {
    spec.given([registered()]).when(link(system, id)).thenThrows(code, { kind: 'invalid', field });
  });

  it('refuses to link an unknown subject', () => {
    spec.given([]).when(link('crm', '4711')).thenThrows('SUBJECT.NOT_FOUND', { kind: 'not_found' });
  });
});

describe('UnlinkExternalId', () => {
  it('records the removed link', () => {
    spec
      .given([registered(), linked('crm', '4711')])
      .when(unlink('crm'))
      .then([{ type: 'ExternalIdUnlinked', data: { subjectId: SUBJECT_ID, system: 'crm', unlinkedAt: NOW } }]);
  });

  it('unlinking a system that holds no id records nothing', () => {
    spec
      .given([registered(), linked('crm', '4711')])
      .when(unlink('erp'))
      .thenNothing();
  });

  it('unlinking a system named like an object property (constructor) that holds no id records nothing', () => {
    spec.given([registered()]).when(unlink('constructor')).thenNothing();
  });

  it('refuses a system name outside the pattern', () => {
    spec.given([registered()]).when(unlink('C R M')).thenThrows('EXTERNAL_ID.SYSTEM_INVALID', { field: 'system' });
  });

  it('a relinked system after an unlink is linked again', () => {
    spec
      .given([
        registered(),
        linked('crm', '4711'),
        { type: 'ExternalIdUnlinked', data: { subjectId: SUBJECT_ID, system: 'crm', unlinkedAt: EARLIER } },
      ])
      .when(link('crm', '4711'))
      .then([{ type: 'ExternalIdLinked', data: { subjectId: SUBJECT_ID, system: 'crm', id: '4711', linkedAt: NOW } }]);
  });
});

describe('parseExternalIdReference', () => {
  it('splits at the first colon: ids may contain colons', () => {
    expect(parseExternalIdReference('crm:4711')).toEqual({ system: 'crm', id: '4711' });
    expect(parseExternalIdReference('shop:a:b')).toEqual({ system: 'shop', id: 'a:b' });
  });

  it.each([
    ['crm4711', 'EXTERNAL_ID.REFERENCE_INVALID'],
    [':4711', 'EXTERNAL_ID.SYSTEM_INVALID'],
    ['CRM:4711', 'EXTERNAL_ID.SYSTEM_INVALID'],
    ['crm:', 'EXTERNAL_ID.ID_INVALID'],
    [`crm:${'1'.repeat(129)}`, 'EXTERNAL_ID.ID_INVALID'],
  ])('refuses %p with %s naming the externalId field', (reference, code) => {
    expect(() => parseExternalIdReference(reference)).toThrow(
      expect.objectContaining({ code, field: 'externalId', kind: 'invalid' }),
    );
  });
});
