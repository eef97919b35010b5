import type { JsonObject, OperationalStore } from '#read-store';
import type { IntegrationEvent } from '../integration/integration-event';
import type { WebhookSettings } from '#runtime';
import type { VersionedWriter } from '../versioned-writer';
import { DEAD_LETTER_COLLECTION, type ActiveWebhook } from './webhook-registry';
import { postEvent } from './webhook-sender';

export interface DeadLetter {
  webhookId: string;
  event: IntegrationEvent;
  attempts: number;
  lastError: string;
  deadLetteredAt: string;
}

export interface ReplayOutcome {
  replayed: number;
  delivered: number;
  failed: number;
}

export async function listDeadLetters(store: OperationalStore, webhookId: string): Promise<DeadLetter[]> {
  const all: DeadLetter[] = [];
  let after: string | undefined;
  do {
    const page = await store.find<DeadLetter & JsonObject>(
      DEAD_LETTER_COLLECTION,
      { webhookId },
      { after, limit: 1000 },
    );
    all.push(...page.items.map((item) => item.doc));
    after = page.next;
  } while (after !== undefined);
  return all;
}

/**
 * Sends every dead letter once more, oldest first, with the same event id (receivers dedupe) and the
 * next attempt number. Delivered ones leave the list; the others stay with their new error. They are
 * older than what the subject's queue delivered since, so receivers order by `position`, not arrival.
 */
export async function replayDeadLetters(
  store: OperationalStore,
  writer: VersionedWriter,
  webhook: ActiveWebhook,
  settings: WebhookSettings,
  source: string,
): Promise<ReplayOutcome> {
  const letters = await listDeadLetters(store, webhook.id);
  let delivered = 0;
  for (const letter of letters) {
    const attempts = letter.attempts + 1;
    const result = await postEvent(
      { url: webhook.url, signing: webhook.signing, source },
      letter.event,
      attempts,
      settings,
    );
    const id = `${webhook.id}:${String(letter.event.position).padStart(16, '0')}`;
    if (result.ok) delivered++;
    await writer.write([
      result.ok
        ? { kind: 'delete', collection: DEAD_LETTER_COLLECTION, id }
        : {
            kind: 'put',
            collection: DEAD_LETTER_COLLECTION,
            id,
            doc: { ...letter, attempts, lastError: result.error },
          },
    ]);
  }
  return { replayed: letters.length, delivered, failed: letters.length - delivered };
}
