import { randomUUID } from 'node:crypto';
import { decryptField, encryptField } from '#crypto';
import { refusal } from '#domain';
import type { IndexSpec, JsonObject, OperationalStore } from '#read-store';
import type { IntegrationFilter } from '../../integration/integration-filter';
import type { JourneyKeys } from '../journey-keys';
import { VersionedWriter } from '../versioned-writer';
import { webhookRegistrationRefusal } from './webhook-target';

export const WEBHOOK_COLLECTION = 'journey_webhooks';
export const DEAD_LETTER_COLLECTION = 'journey_webhook_dead_letters';
export const PROGRESS_COLLECTION = 'journey_webhook_progress';
export const WEBHOOK_INDEXES: readonly IndexSpec[] = [{ collection: DEAD_LETTER_COLLECTION, fields: ['webhookId'] }];

export interface Webhook {
  id: string;
  url: string;
  filter: IntegrationFilter;
  createdAt: string;
  createdBy: string;
}

/** With the signing secret, in memory only (workers); never returned by the API or logged. */
export interface ActiveWebhook extends Webhook {
  secret: string;
}

type WebhookDoc = Webhook & { secret: string } & JsonObject;

/**
 * Registrations live in the read store, not in the event log: they are operational configuration,
 * not facts about data subjects, they must be deletable for real (with their secret), and they sit
 * beside the delivery progress that refers to them. The secret must sign, so it cannot be hashed:
 * it is sealed (AES-256-GCM) under a key derived from the master key, bound to the webhook id.
 */
export class WebhookRegistry {
  private readonly writer: VersionedWriter;

  constructor(private readonly store: OperationalStore, private readonly keys: JourneyKeys, private readonly allowPrivateTargets: boolean) {
    this.writer = new VersionedWriter(store, 'journeys.webhooks');
  }

  async register(input: { url: string; secret: string; filter: IntegrationFilter }, actor: string, now: string): Promise<Webhook> {
    const forbidden = webhookRegistrationRefusal(input.url, this.allowPrivateTargets);
    if (forbidden !== undefined) throw refusal('WEBHOOK.TARGET_FORBIDDEN', `url ${forbidden}`, 'url');
    const id = randomUUID();
    const webhook: Webhook = { id, url: input.url, filter: input.filter, createdAt: now, createdBy: actor };
    const sealed = encryptField(this.keys.webhookSecrets, `webhook:${id}`, input.secret);
    await this.writer.write([{ kind: 'put', collection: WEBHOOK_COLLECTION, id, doc: { ...webhook, secret: sealed } }]);
    return webhook;
  }

  async list(): Promise<Webhook[]> {
    return (await this.docs()).map(publicView);
  }

  async get(id: string): Promise<Webhook | undefined> {
    const found = await this.store.get<WebhookDoc>(WEBHOOK_COLLECTION, id);
    return found ? publicView(found.doc) : undefined;
  }

  async remove(id: string): Promise<boolean> {
    if (!(await this.store.get(WEBHOOK_COLLECTION, id))) return false;
    await this.writer.write([{ kind: 'delete', collection: WEBHOOK_COLLECTION, id }, { kind: 'delete', collection: PROGRESS_COLLECTION, id }]);
    return true;
  }

  async active(): Promise<ActiveWebhook[]> {
    return (await this.docs()).map((doc) => ({ ...publicView(doc), secret: decryptField(this.keys.webhookSecrets, `webhook:${doc.id}`, doc.secret) as string }));
  }

  private async docs(): Promise<WebhookDoc[]> {
    const all: WebhookDoc[] = [];
    let after: string | undefined;
    do {
      const page = await this.store.find<WebhookDoc>(WEBHOOK_COLLECTION, {}, { after, limit: 1000 });
      all.push(...page.items.map((item) => item.doc));
      after = page.next;
    } while (after !== undefined);
    return all;
  }
}

function publicView({ id, url, filter, createdAt, createdBy }: Webhook): Webhook {
  return { id, url, filter, createdAt, createdBy };
}
