import { randomUUID } from 'node:crypto';
import { decryptField, encryptField } from '#crypto';
import { refusal } from '#domain';
import { WEBHOOK_COLLECTION } from '#application';
import type { IndexSpec, JsonObject, OperationalStore } from '#read-store';
import type { IntegrationFilter } from '../integration/integration-filter';
import type { JourneyKeys, WebhookSettings } from '#runtime';
import { VersionedWriter } from '../versioned-writer';
import { generateWebhookSecret, webhookSecretRefusal } from './webhook-secret';
import type { SigningSecrets } from './webhook-signature';
import { webhookRegistrationRefusal } from './webhook-target';

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

/** With the signing secrets, in memory only (workers); never returned by the API or logged. */
export interface ActiveWebhook extends Webhook {
  signing: SigningSecrets;
}

/** A secret chosen by the server is returned once, here, and never again. */
export interface RegisteredWebhook {
  webhook: Webhook;
  generatedSecret?: string;
}

export interface RotatedSecret {
  id: string;
  secret: string;
  /** Until when deliveries carry the old secret's signature too; null without an overlap. */
  previousSecretValidUntil: string | null;
}

/** `secret` sealed as ever; after a rotation the previous sealed secret and the end of its overlap. */
type WebhookDoc = Webhook & { secret: string; previousSecret?: string; previousSecretUntil?: string } & JsonObject;

/**
 * Registrations live in the read store, not in the event log: they are operational configuration,
 * not facts about data subjects, they must be deletable for real (with their secret), and they sit
 * beside the delivery progress that refers to them. The secret must sign, so it cannot be hashed:
 * it is sealed (AES-256-GCM) under a key derived from the master key, bound to the webhook id.
 */
export class WebhookRegistry {
  private readonly writer: VersionedWriter;

  constructor(
    private readonly store: OperationalStore,
    private readonly keys: JourneyKeys,
    private readonly settings: Pick<WebhookSettings, 'allowPrivateTargets' | 'secretOverlapHours'>,
  ) {
    this.writer = new VersionedWriter(store, 'journeys.webhooks');
  }

  /** Without a `secret` the server generates one (Standard Webhooks format) and returns it once. */
  async register(
    input: { url: string; secret?: string; filter: IntegrationFilter },
    actor: string,
    now: string,
  ): Promise<RegisteredWebhook> {
    const forbidden = webhookRegistrationRefusal(input.url, this.settings.allowPrivateTargets);
    if (forbidden !== undefined) throw refusal('WEBHOOK.TARGET_FORBIDDEN', `url ${forbidden}`, 'url');
    const secret = input.secret ?? generateWebhookSecret();
    assertSecret(secret);
    const id = randomUUID();
    const webhook: Webhook = { id, url: input.url, filter: input.filter, createdAt: now, createdBy: actor };
    await this.writer.write([
      { kind: 'put', collection: WEBHOOK_COLLECTION, id, doc: { ...webhook, secret: this.seal(id, secret) } },
    ]);
    return { webhook, ...(input.secret === undefined ? { generatedSecret: secret } : {}) };
  }

  /**
   * A new secret (given, or generated) signs from now on; the current one keeps signing beside it
   * for WEBHOOK_SECRET_OVERLAP_HOURS, so receivers can switch without refusing a delivery. A
   * rotation during an overlap ends the older overlap: at most two secrets sign.
   */
  async rotate(id: string, now: string, secret: string = generateWebhookSecret()): Promise<RotatedSecret | undefined> {
    assertSecret(secret);
    const found = await this.store.get<WebhookDoc>(WEBHOOK_COLLECTION, id);
    if (!found) return undefined;
    const { previousSecret: _dropped, previousSecretUntil: _ended, ...doc } = found.doc;
    const overlapMs = this.settings.secretOverlapHours * 3_600_000;
    const until = overlapMs > 0 ? new Date(Date.parse(now) + overlapMs).toISOString() : null;
    const previous = until === null ? {} : { previousSecret: doc.secret, previousSecretUntil: until };
    await this.writer.write([
      { kind: 'put', collection: WEBHOOK_COLLECTION, id, doc: { ...doc, secret: this.seal(id, secret), ...previous } },
    ]);
    return { id, secret, previousSecretValidUntil: until };
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
    await this.writer.write([
      { kind: 'delete', collection: WEBHOOK_COLLECTION, id },
      { kind: 'delete', collection: PROGRESS_COLLECTION, id },
    ]);
    return true;
  }

  async active(): Promise<ActiveWebhook[]> {
    return (await this.docs()).map((doc) => ({ ...publicView(doc), signing: this.signing(doc) }));
  }

  /** Sealed under a master-derived key bound to the webhook id; the previous secret keeps its seal. */
  private seal(id: string, secret: string): string {
    return encryptField(this.keys.webhookSecrets, `webhook:${id}`, secret);
  }

  private signing(doc: WebhookDoc): SigningSecrets {
    const open = (sealed: string) => decryptField(this.keys.webhookSecrets, `webhook:${doc.id}`, sealed) as string;
    const current = open(doc.secret);
    if (doc.previousSecret === undefined || doc.previousSecretUntil === undefined) return { current };
    return { current, previous: { secret: open(doc.previousSecret), until: doc.previousSecretUntil } };
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

function assertSecret(secret: string): void {
  const rule = webhookSecretRefusal(secret);
  if (rule !== undefined) throw refusal('VALIDATION.FAILED', `secret ${rule}`, 'secret');
}

function publicView({ id, url, filter, createdAt, createdBy }: Webhook): Webhook {
  return { id, url, filter, createdAt, createdBy };
}
