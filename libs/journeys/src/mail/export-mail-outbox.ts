import {
  subjectDecider,
  SubjectEventType,
  subjectStreamName,
  type ExportDeliveryRequested,
  type SubjectState,
} from '#domain';
import type { RecordedEvent } from '#event-store';
import type { CommandExecutor, ExportLinkTokens, SubjectCodec } from '#application';
import type { JourneySettings } from '#runtime';
import { EXPORT_DOWNLOAD_PATH, exportMail } from './export-mail-template';
import { MailOutbox, messageIdFor, type MailJob, type MailOutboxDeps, type PreparedMail } from './mail-outbox';

export const EXPORT_MAIL_PROJECTION = 'journeys.export-delivery-mail';
/** One document per ExportDeliveryRequested event id: sent or skipped (why). Never the token or address. */
export const EXPORT_MAIL_COLLECTION = 'journey_export_mails';

export interface ExportMailDeps extends MailOutboxDeps {
  executor: CommandExecutor;
  codec: SubjectCodec;
  tokens: ExportLinkTokens;
  settings: JourneySettings;
  controllerName: string;
}

/**
 * Art. 15(3): mails every `ExportDeliveryRequested` its single-use download link (see MailOutbox).
 * The token is derived again from the event; opening the link or erasure drops what the transport holds.
 */
export class ExportDeliveryMailOutbox extends MailOutbox {
  constructor(deps: ExportMailDeps) {
    super(deps, exportJob(deps));
  }
}

function exportJob(deps: ExportMailDeps): MailJob {
  return {
    name: 'export delivery mail',
    projection: EXPORT_MAIL_PROJECTION,
    collection: EXPORT_MAIL_COLLECTION,
    mailType: SubjectEventType.ExportDeliveryRequested,
    endTypes: [SubjectEventType.ExportDeliveryOpened],
    fileOf: (event) => ({ kind: 'export', id: String(event.data.deliveryId) }),
    prepare: (event) => prepare(deps, event, deps.now?.() ?? new Date()),
  };
}

async function prepare(deps: ExportMailDeps, event: RecordedEvent, now: Date): Promise<PreparedMail> {
  const data = event.data as ExportDeliveryRequested['data'];
  if (Date.parse(data.expiresAt) <= now.getTime()) return { skip: 'link expired before it could be mailed' };
  const token = deps.tokens.reissue(data.subjectId, data.deliveryId, data.tokenHash);
  if (token === undefined) return { skip: 'token not derivable (another master key)' };
  const { state } = await deps.executor.load(subjectStreamName(data.subjectId), subjectDecider, deps.codec);
  const recipient = recipientOf(state, data);
  if (typeof recipient !== 'object') return { skip: recipient };
  const content = exportMail({
    locale: recipient.locale,
    controllerName: deps.controllerName,
    link: `${deps.settings.publicBaseUrl}/${EXPORT_DOWNLOAD_PATH}?token=${encodeURIComponent(token)}`,
    expiresAt: data.expiresAt,
  });
  const { mailFrom } = deps.settings;
  const messageId = messageIdFor(event.id, mailFrom, 'export');
  return { mail: { ...content, messageId, from: mailFrom, to: recipient.address }, expiresAt: data.expiresAt };
}

/** The address and locale to mail, or why not: erased, already opened, address removed. */
function recipientOf(
  state: SubjectState,
  data: ExportDeliveryRequested['data'],
): { address: string; locale: string } | string {
  if (state.status !== 'registered') return `subject is ${state.status}`;
  if (state.exportDeliveries[data.deliveryId]?.status !== 'sent') return 'link was already opened';
  const point = state.contactPoints[data.contactPointId];
  if (point?.status !== 'active') return 'contact point is no longer active';
  return { address: point.address, locale: state.locale };
}
