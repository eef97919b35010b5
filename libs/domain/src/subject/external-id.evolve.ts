import type { ExternalIdEvent } from './external-id.events';
import type { RegisteredSubject } from './subject.state';

export function evolveExternalId(state: RegisteredSubject, event: ExternalIdEvent): RegisteredSubject {
  switch (event.type) {
    case 'ExternalIdLinked':
      return { ...state, externalIds: { ...state.externalIds, [event.data.system]: event.data.id } };
    case 'ExternalIdUnlinked': {
      const { [event.data.system]: _removed, ...externalIds } = state.externalIds;
      return { ...state, externalIds };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
