import type { ExternalIdEvent } from '#domain';
import type { ProfileBase, ProfileExternalId } from './subject-profile.document';
import type { ProjectedEvent } from './read-model';

type Lookup = ProjectedEvent['derived']['externalIdIndexes'];

export function linkedExternalId(
  link: { system: string; id: string },
  lookup: Lookup,
  eventId: string,
): ProfileExternalId {
  const lookupKey = lookup?.[link.system];
  return { system: link.system, id: link.id, ...(lookupKey === undefined ? {} : { lookupKey }), eventId };
}

/** One id per system: a link replaces the system's earlier id in place, an unlink drops it. */
export function applyExternalIdEvent(doc: ProfileBase, event: ExternalIdEvent, recorded: ProjectedEvent): ProfileBase {
  const others = doc.externalIds.filter((link) => link.system !== event.data.system);
  switch (event.type) {
    case 'ExternalIdLinked': {
      const link = linkedExternalId(event.data, recorded.derived.externalIdIndexes, recorded.id);
      const at = doc.externalIds.findIndex((existing) => existing.system === link.system);
      return { ...doc, externalIds: at < 0 ? [...others, link] : doc.externalIds.with(at, link) };
    }
    case 'ExternalIdUnlinked':
      return others.length === doc.externalIds.length ? doc : { ...doc, externalIds: others };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
