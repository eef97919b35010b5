import type { LinkExternalId, UnlinkExternalId } from './external-id.commands';
import { requireExternalSystem, validExternalId } from './external-id';
import type { SubjectEvent } from './subject.events';
import { requireRegistered } from './subject.guards';
import type { SubjectState } from './subject.state';

export function linkExternalId({ data, metadata }: LinkExternalId, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const { system, id } = validExternalId(data);
  if (subject.externalIds.some((link) => link.system === system && link.id === id)) return [];
  return [{ type: 'ExternalIdLinked', data: { subjectId: subject.subjectId, system, id, linkedAt: metadata.now } }];
}

/** Like DELETE (RFC 9110 9.2.2): unlinking a system that holds no id changes nothing and is no error. */
export function unlinkExternalId({ data, metadata }: UnlinkExternalId, state: SubjectState): SubjectEvent[] {
  const subject = requireRegistered(state);
  const system = requireExternalSystem(data.system, 'system');
  if (!subject.externalIds.some((link) => link.system === system)) return [];
  return [{ type: 'ExternalIdUnlinked', data: { subjectId: subject.subjectId, system, unlinkedAt: metadata.now } }];
}
