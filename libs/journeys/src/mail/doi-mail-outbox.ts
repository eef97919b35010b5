import {
  subjectDecider,
  SubjectEventType,
  subjectStreamName,
  topicStreamName,
  type DoubleOptInRequested,
  type SubjectState,
} from '#domain';
import type { RecordedEvent } from '#event-store';
import type { CommandExecutor, SubjectCodec, TopicViews, DoubleOptInTokens } from '#application';
import type { JourneySettings } from '#runtime';
import { doubleOptInMail } from './doi-mail-template';
import { MailOutbox, messageIdFor, type MailJob, type MailOutboxDeps, type PreparedMail } from './mail-outbox';

export const DOI_MAIL_PROJECTION = 'journeys.double-opt-in-mail';
/** One document per DoubleOptInRequested event id: sent or skipped (why). Never the token or address. */
export const DOI_MAIL_COLLECTION = 'journey_doi_mails';

export interface DoiMailDeps extends MailOutboxDeps {
  executor: CommandExecutor;
  codec: SubjectCodec;
  topics: TopicViews;
  tokens: DoubleOptInTokens;
  settings: JourneySettings;
}

/**
 * The double opt-in outbox (see MailOutbox): mails every `DoubleOptInRequested` on the e-mail
 * channel with its confirmation link; a confirmation, expiry or erasure drops what the transport holds.
 */
export class DoubleOptInMailOutbox extends MailOutbox {
  constructor(deps: DoiMailDeps) {
    super(deps, doubleOptInJob(deps));
  }
}

function doubleOptInJob(deps: DoiMailDeps): MailJob {
  const now = () => deps.now?.() ?? new Date();
  return {
    name: 'double opt-in mail',
    projection: DOI_MAIL_PROJECTION,
    collection: DOI_MAIL_COLLECTION,
    mailType: SubjectEventType.DoubleOptInRequested,
    endTypes: [SubjectEventType.DoubleOptInConfirmed, SubjectEventType.DoubleOptInExpired],
    fileOf: (event) => ({ kind: 'doi', id: String(event.data.requestId) }),
    prepare: (event) => prepare(deps, event, now()),
  };
}

async function prepare(deps: DoiMailDeps, event: RecordedEvent, now: Date): Promise<PreparedMail> {
  const data = event.data as DoubleOptInRequested['data'];
  if (!deps.settings.doubleOptInMail) return { skip: 'DOUBLE_OPT_IN_MAIL is false' };
  if (data.channel !== 'email') return { skip: `channel ${data.channel} is not mailed` };
  if (Date.parse(data.expiresAt) <= now.getTime()) return { skip: 'request expired before it could be mailed' };
  const token = deps.tokens.reissue(data.subjectId, data.requestId, data.tokenHash);
  if (token === undefined) return { skip: 'token not derivable (requested before the ledger mailed double opt-ins)' };
  const { state } = await deps.executor.load(subjectStreamName(data.subjectId), subjectDecider, deps.codec);
  const recipient = recipientOf(state, data);
  if (typeof recipient !== 'object') return { skip: recipient };
  const topic = await deps.topics.view(data.topicId);
  const content = doubleOptInMail({
    locale: recipient.locale,
    topicTitle: topic?.title ?? data.topicId,
    consentText: await consentText(deps, data.topicId, data.textVersion),
    link: `${deps.settings.publicBaseUrl}/double-opt-in?token=${encodeURIComponent(token)}`,
    expiresAt: data.expiresAt,
  });
  const { mailFrom } = deps.settings;
  const mail = { ...content, messageId: messageIdFor(event.id, mailFrom), from: mailFrom, to: recipient.address };
  return { mail, expiresAt: data.expiresAt };
}

/** The wording the subject is asked to confirm, from the topic's own log (topics hold no personal data). */
async function consentText(deps: DoiMailDeps, topicId: string, version: number): Promise<string | undefined> {
  const events = await deps.eventStore.readStream(topicStreamName(topicId));
  const published = events.find((e) => e.type === 'ConsentTextVersionPublished' && e.data.version === version);
  return typeof published?.data.text === 'string' ? published.data.text : undefined;
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
