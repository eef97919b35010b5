import type { ExternalIdEvent } from './external-id.events';
import type { RegisteredSubject } from './subject.state';

export function evolveExternalId(state: RegisteredSubject, event: ExternalIdEvent): RegisteredSubject {
  const { system } = event.data;
  switch (event.type) {
    case 'ExternalIdLinked': {
      // One per system: a correction replaces the earlier id in place.
      const link = { system, id: event.data.id };
      const at = state.externalIds.findIndex((existing) => existing.system === system);
      const externalIds = at < 0 ? [...state.externalIds, link] : state.externalIds.with(at, link);
      return { ...state, externalIds };
    }
    case 'ExternalIdUnlinked':
      return { ...state, externalIds: state.externalIds.filter((existing) => existing.system !== system) };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
