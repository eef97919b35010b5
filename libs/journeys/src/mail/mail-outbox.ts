import { SUBJECT_STREAM_PREFIX, SubjectEventType } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import type { OperationalStore } from '#read-store';
import { logMismatch } from '#projection-runtime';
import { SubscriptionLoop } from '../subscription-loop';
import type { MailFile, MailTransport, OutgoingMail } from './mail-transport';

/** A mail to send and when its link dies, or why none is sent. */
export type PreparedMail = { mail: OutgoingMail; expiresAt: string } | { skip: string };

/** What one kind of mail adds to the outbox: which event it answers, how to build it, when it is dead. */
export interface MailJob {
  /** For the log: `double opt-in mail`. */
  name: string;
  /** The checkpoint's name. */
  projection: string;
  /** One outcome document per mailed event id: sent or skipped (why); never a token or an address. */
  collection: string;
  /** The event type that asks for a mail. */
  mailType: string;
  /** After these the mail's link is dead: the transport drops what it holds of it. */
  endTypes: readonly string[];
  prepare(event: RecordedEvent): Promise<PreparedMail>;
  /** The file a mail for this event is, or was, held in (the request or delivery it belongs to). */
  fileOf(event: RecordedEvent): MailFile;
}

export interface MailOutboxDeps {
  eventStore: EventStore;
  state: OperationalStore;
  transport: MailTransport;
  log: (line: string) => void;
  /** Where a checkpoint found foreign to the log is reported (defaults to `log`). */
  warn?: (line: string) => void;
  now?: () => Date;
}

type Outcome = { status: 'sent'; messageId: string; language: string } | { status: 'skipped'; reason: string };

/**
 * A mail outbox driven by the event subscription. Per event: send, then record the outcome
 * together with the checkpoint in one read-store commit. A crash after the send and before the
 * commit sends that one mail again, with the same Message-ID (derived from the event id); a crash
 * before the send loses nothing. The clear address is decrypted only in `prepare`, only in memory.
 * An end event (and erasure: every mail of the subject) makes the transport drop what it holds.
 * An event whose outcome is already recorded (by its id) is never mailed again: that is what lets a
 * checkpoint that does not belong to the log be replaced by a replay from the start of the log.
 */
export class MailOutbox {
  private readonly loop: SubscriptionLoop;

  constructor(
    private readonly deps: MailOutboxDeps,
    private readonly job: MailJob,
  ) {
    const eventTypes = [job.mailType, ...job.endTypes, SubjectEventType.SubjectErased];
    this.loop = new SubscriptionLoop({
      name: `${job.name} outbox`,
      eventStore: deps.eventStore,
      filter: { streamPrefixes: [SUBJECT_STREAM_PREFIX], eventTypes: [...new Set(eventTypes)] },
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
    const mark = await this.deps.state.getCheckpointMark(this.job.projection);
    const reason = await logMismatch(this.deps.eventStore, mark);
    if (reason === undefined) return mark.position;
    (this.deps.warn ?? this.deps.log)(
      `${this.job.name} outbox: its checkpoint does not belong to this event log (${reason}); replaying the log, skipping mails already recorded`,
    );
    await this.deps.state.setCheckpoint(this.job.projection, 0);
    return 0;
  }

  private async handle(event: RecordedEvent): Promise<void> {
    const checkpoint = { projection: this.job.projection, checkpoint: event.position, eventId: event.id };
    if (event.type !== this.job.mailType) this.forget(event);
    if (event.type !== this.job.mailType || (await this.deps.state.get(this.job.collection, event.id))) {
      await this.deps.state.commit({ ...checkpoint, writes: [] });
      return;
    }
    const outcome = await this.process(event);
    const doc = { eventId: event.id, ...outcome, at: this.now().toISOString() };
    const write = {
      kind: 'put' as const,
      collection: this.job.collection,
      id: event.id,
      doc,
      position: event.position,
    };
    await this.deps.state.commit({ ...checkpoint, writes: [write] });
  }

  /** An end event: that mail's file; erasure: every mail of the subject (Art. 17). */
  private forget(event: RecordedEvent): void {
    const { subjectId } = event.data as { subjectId: string };
    const erased = event.type === SubjectEventType.SubjectErased;
    this.deps.transport.forget(subjectId, erased ? undefined : this.job.fileOf(event));
  }

  private async process(event: RecordedEvent): Promise<Outcome> {
    const prepared = await this.job.prepare(event);
    if ('skip' in prepared) {
      this.deps.log(`${this.job.name} for event ${event.id} skipped: ${prepared.skip}`);
      return { status: 'skipped', reason: prepared.skip };
    }
    const { subjectId } = event.data as { subjectId: string };
    const slot = { subjectId, file: this.job.fileOf(event), expiresAt: prepared.expiresAt };
    const sent = await this.deps.transport.send(prepared.mail, slot);
    this.deps.log(
      sent.path
        ? `${this.job.name} for event ${event.id} written to ${sent.path}`
        : `${this.job.name} for event ${event.id} sent via SMTP`,
    );
    return { status: 'sent', messageId: prepared.mail.messageId, language: prepared.mail.language };
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}

/** RFC 5322 Message-ID from the event id and the sender's domain: the same event, the same id. */
export function messageIdFor(eventId: string, mailFrom: string, kind = 'doi'): string {
  const domain = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom)?.[1] ?? 'privacy-ledger.invalid';
  return `<${kind}-${eventId}@${domain}>`;
}
