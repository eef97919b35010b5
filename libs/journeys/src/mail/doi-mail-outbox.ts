import {
  SUBJECT_STREAM_PREFIX,
  subjectDecider,
  SubjectEventType,
  subjectStreamName,
  topicStreamName,
  type DoubleOptInRequested,
  type SubjectEvent,
  type SubjectState,
} from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import type { OperationalStore } from '#read-store';
import { logMismatch } from '#projection-runtime';
import type { CommandExecutor, SubjectCodec, TopicViews, DoubleOptInTokens } from '#application';
import type { JourneySettings } from '#runtime';
import { SubscriptionLoop } from '../subscription-loop';
import { doubleOptInMail } from './doi-mail-template';
import type { MailTransport, OutgoingMail } from './mail-transport';

export const DOI_MAIL_PROJECTION = 'journeys.double-opt-in-mail';
/** One document per DoubleOptInRequested event id: sent or skipped (why). Never the token or address. */
export const DOI_MAIL_COLLECTION = 'journey_doi_mails';

export interface DoiMailDeps {
  eventStore: EventStore;
  state: OperationalStore;
  executor: CommandExecutor;
  codec: SubjectCodec;
  topics: TopicViews;
  tokens: DoubleOptInTokens;
  transport: MailTransport;
  settings: JourneySettings;
  log: (line: string) => void;
  /** Where a checkpoint found foreign to the log is reported (defaults to `log`). */
  warn?: (line: string) => void;
  now?: () => Date;
}

type Outcome = { status: 'sent'; messageId: string; language: string } | { status: 'skipped'; reason: string };

/** After these a mail's link is dead or its subject gone: what the transport holds of it goes too. */
const MAIL_ENDS: ReadonlyArray<SubjectEvent['type']> = [
  SubjectEventType.DoubleOptInConfirmed,
  SubjectEventType.DoubleOptInExpired,
  SubjectEventType.SubjectErased,
];
const MAIL_EVENTS: ReadonlyArray<SubjectEvent['type']> = [SubjectEventType.DoubleOptInRequested, ...MAIL_ENDS];
type Prepared = { mail: OutgoingMail } | { skip: string };

/**
 * The double opt-in outbox, driven by the event subscription. Per event: send, then record the
 * outcome together with the checkpoint in one read-store commit. A crash after the send and before
 * the commit sends that one mail again, with the same Message-ID (derived from the event id); a
 * crash before the send loses nothing. The clear address is decrypted only here, only in memory.
 * A confirmation, expiry or erasure makes the transport drop what it still holds of the mail.
 * An event whose outcome is already recorded (by its id) is never mailed again: that is what lets a
 * checkpoint that does not belong to the log be replaced by a replay from the start of the log.
 */
export class DoubleOptInMailOutbox {
  private readonly loop: SubscriptionLoop;

  constructor(private readonly deps: DoiMailDeps) {
    this.loop = new SubscriptionLoop({
      name: 'double opt-in mail outbox',
      eventStore: deps.eventStore,
      filter: { streamPrefixes: [SUBJECT_STREAM_PREFIX], eventTypes: [...MAIL_EVENTS] },
      checkpoint: () => this.resumePoint(),
      handle: async (batch) => {
        for (const event of batch) await this.handle(event);
      },
      log: deps.log,
      maxBatchSize: 20,
    });
  }

  start(): void {
    this.loop.start();
  }

  stop(): Promise<void> {
    return this.loop.stop();
  }

  /**
   * The stored checkpoint, checked against the log at every (re)start. One beyond the log's head or
   * on another event (a restored or truncated log) would skip the new events at reused positions:
   * the outbox then replays the log from its start, mailing only what it has no outcome for.
   */
  private async resumePoint(): Promise<number> {
    const mark = await this.deps.state.getCheckpointMark(DOI_MAIL_PROJECTION);
    const reason = await logMismatch(this.deps.eventStore, mark);
    if (reason === undefined) return mark.position;
    (this.deps.warn ?? this.deps.log)(
      `double opt-in mail outbox: its checkpoint does not belong to this event log (${reason}); replaying the log, skipping mails already recorded`,
    );
    await this.deps.state.setCheckpoint(DOI_MAIL_PROJECTION, 0);
    return 0;
  }

  private async handle(event: RecordedEvent): Promise<void> {
    if (event.type !== SubjectEventType.DoubleOptInRequested) return this.forget(event);
    const checkpoint = { projection: DOI_MAIL_PROJECTION, checkpoint: event.position, eventId: event.id };
    if (await this.deps.state.get(DOI_MAIL_COLLECTION, event.id)) {
      await this.deps.state.commit({ ...checkpoint, writes: [] });
      return;
    }
    const outcome = await this.process(event);
    const doc = { eventId: event.id, ...outcome, at: this.now().toISOString() };
    const write = {
      kind: 'put' as const,
      collection: DOI_MAIL_COLLECTION,
      id: event.id,
      doc,
      position: event.position,
    };
    await this.deps.state.commit({ ...checkpoint, writes: [write] });
  }

  /** Confirmed or expired: that request's mail; erased: every mail of the subject. */
  private async forget(event: RecordedEvent): Promise<void> {
    const { subjectId, requestId } = event.data as { subjectId: string; requestId?: string };
    this.deps.transport.forget(subjectId, event.type === SubjectEventType.SubjectErased ? undefined : requestId);
    await this.deps.state.commit({
      projection: DOI_MAIL_PROJECTION,
      checkpoint: event.position,
      eventId: event.id,
      writes: [],
    });
  }

  private async process(event: RecordedEvent): Promise<Outcome> {
    const prepared = await this.prepare(event.id, event.data as DoubleOptInRequested['data']);
    if ('skip' in prepared) {
      this.deps.log(`double opt-in mail for event ${event.id} skipped: ${prepared.skip}`);
      return { status: 'skipped', reason: prepared.skip };
    }
    const { subjectId, requestId } = event.data as DoubleOptInRequested['data'];
    const sent = await this.deps.transport.send(prepared.mail, { subjectId, requestId });
    this.deps.log(
      sent.path
        ? `double opt-in mail for event ${event.id} written to ${sent.path}`
        : `double opt-in mail for event ${event.id} sent via SMTP`,
    );
    return { status: 'sent', messageId: prepared.mail.messageId, language: prepared.mail.language };
  }

  private async prepare(eventId: string, data: DoubleOptInRequested['data']): Promise<Prepared> {
    if (!this.deps.settings.doubleOptInMail) return { skip: 'DOUBLE_OPT_IN_MAIL is false' };
    if (data.channel !== 'email') return { skip: `channel ${data.channel} is not mailed` };
    if (Date.parse(data.expiresAt) <= this.now().getTime())
      return { skip: 'request expired before it could be mailed' };
    const token = this.deps.tokens.reissue(data.subjectId, data.requestId, data.tokenHash);
    if (token === undefined) return { skip: 'token not derivable (requested before the ledger mailed double opt-ins)' };
    const { state } = await this.deps.executor.load(subjectStreamName(data.subjectId), subjectDecider, this.deps.codec);
    const recipient = recipientOf(state, data);
    if (typeof recipient !== 'object') return { skip: recipient };
    const topic = await this.deps.topics.view(data.topicId);
    const consentText = await this.consentText(data.topicId, data.textVersion);
    const link = `${this.deps.settings.publicBaseUrl}/double-opt-in?token=${encodeURIComponent(token)}`;
    const content = doubleOptInMail({
      locale: recipient.locale,
      topicTitle: topic?.title ?? data.topicId,
      consentText,
      link,
      expiresAt: data.expiresAt,
    });
    const mail = {
      ...content,
      messageId: messageIdFor(eventId, this.deps.settings.mailFrom),
      from: this.deps.settings.mailFrom,
      to: recipient.address,
    };
    return { mail };
  }

  /** The wording the subject is asked to confirm, from the topic's own log (topics hold no personal data). */
  private async consentText(topicId: string, version: number): Promise<string | undefined> {
    const events = await this.deps.eventStore.readStream(topicStreamName(topicId));
    const published = events.find((e) => e.type === 'ConsentTextVersionPublished' && e.data.version === version);
    return typeof published?.data.text === 'string' ? published.data.text : undefined;
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

/** The address and locale to mail, or why not: erased, no longer pending, address removed. */
function recipientOf(
  state: SubjectState,
  data: DoubleOptInRequested['data'],
): { address: string; locale: string } | string {
  if (state.status !== 'registered') return `subject is ${state.status}`;
  if (state.doubleOptIns[data.requestId]?.status !== 'pending') return 'request is no longer pending';
  const point = state.contactPoints[data.contactPointId];
  if (point?.status !== 'active' || typeof point.address !== 'string') return 'contact point is no longer active';
  return { address: point.address, locale: state.locale };
}

/** RFC 5322 Message-ID from the event id and the sender's domain: the same event, the same id. */
export function messageIdFor(eventId: string, mailFrom: string, kind = 'doi'): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'privacy-ledger.invalid';
  return `<${kind}-${eventId}@${domain}>`;
}
