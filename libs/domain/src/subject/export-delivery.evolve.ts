import type { ExportDeliveryEvent } from './export-delivery.events';
import type { RegisteredSubject } from './subject.state';

export function evolveExportDelivery(state: RegisteredSubject, event: ExportDeliveryEvent): RegisteredSubject {
  switch (event.type) {
    case 'ExportDeliveryRequested': {
      const { deliveryId, contactPointId, tokenHash, expiresAt } = event.data;
      const delivery = { status: 'sent' as const, deliveryId, contactPointId, tokenHash, expiresAt };
      return { ...state, exportDeliveries: { ...state.exportDeliveries, [deliveryId]: delivery } };
    }
    case 'ExportDeliveryOpened': {
      const delivery = state.exportDeliveries[event.data.deliveryId];
      if (delivery === undefined) return state;
      const opened = { ...delivery, status: 'opened' as const, openedAt: event.data.openedAt };
      return { ...state, exportDeliveries: { ...state.exportDeliveries, [delivery.deliveryId]: opened } };
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
