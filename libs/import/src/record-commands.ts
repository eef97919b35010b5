import type { GrantConsent, RaiseObjection, RegisterSubject, RevokeConsent, SetContactBlock, TopicView } from '#domain';
import { topicOfScope, type CommandInput } from '#application';
import type { RecordEnvelope } from './record-envelope';
import { importedContactPointId, importedSubjectId, importKey } from './record-keys';
import type { IdKeys } from './recent-ids';

/** The subject commands a record can stand for. */
export type ImportedCommand = CommandInput<
  RegisterSubject | GrantConsent | RevokeConsent | RaiseObjection | SetContactBlock
>;

/** One record as the live command it stands for, with the key that makes re-importing it a no-op. */
export interface ImportCommand {
  subjectId: string;
  topicId?: string;
  command: ImportedCommand;
  idempotencyKey: string;
}

type Fields = Record<string, unknown>;
type TopicLookup = (topicId: string) => TopicView | undefined;
/** The ledger's id of the contact point a record names; undefined when it names none. */
type PointId = (fileId: unknown) => string | undefined;

/** Maps a record onto its subject command; the decider then judges it exactly as a live one. */
export function recordCommand(
  envelope: RecordEnvelope,
  fields: Fields,
  topics: TopicLookup,
  keys: IdKeys,
): ImportCommand {
  const subjectId = importedSubjectId(keys, envelope.sourceSystem, envelope.externalId);
  const key = (parts: ReadonlyArray<string | number | undefined>) => importKey(keys, parts);
  const base = [envelope.sourceSystem, envelope.externalId, envelope.kind];
  const point: PointId = (fileId) =>
    typeof fileId === 'string' && fileId !== '' ? importedContactPointId(keys, subjectId, fileId) : undefined;
  switch (envelope.kind) {
    case 'subject':
      return { subjectId, command: registerSubject(subjectId, fields, point), idempotencyKey: key(base) };
    case 'consent': {
      const command = grantConsent(envelope, fields, topics, point);
      const { topicId, channel, contactPointId } = command.data;
      return {
        subjectId,
        topicId,
        command,
        idempotencyKey: key([...base, topicId, channel, contactPointId, envelope.occurredAt]),
      };
    }
    case 'revocation': {
      const command = revokeConsent(envelope, fields, point);
      const { topicId, channel, contactPointId } = command.data;
      return {
        subjectId,
        topicId,
        command,
        idempotencyKey: key([...base, topicId, channel, contactPointId, envelope.occurredAt]),
      };
    }
    case 'objection': {
      const command = raiseObjection(envelope, fields);
      const topicId = topicOfScope(command.data.scope);
      return {
        subjectId,
        topicId,
        command,
        idempotencyKey: key([...base, JSON.stringify(command.data.scope), envelope.occurredAt]),
      };
    }
    case 'block': {
      const command = setBlock(envelope, subjectId, fields, keys, point);
      const topicId = command.data.scope?.kind === 'topic' ? command.data.scope.topicId : undefined;
      return { subjectId, topicId, command, idempotencyKey: key([...base, command.data.blockId]) };
    }
  }
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

function registerSubject(subjectId: string, fields: Fields, pointId: PointId): CommandInput<RegisterSubject> {
  const points = Array.isArray(fields.contactPoints) ? (fields.contactPoints as Fields[]) : [];
  const contactPoints = points.map((point) => ({
    contactPointId: pointId(point?.contactPointId ?? point?.channel) as string,
    channel: point?.channel as string,
    address: point?.address as string,
  }));
  const profile = fields.profile as Record<string, string> | undefined;
  // Checked by the decider like a live registration (EXTERNAL_ID.*, naming externalIds[i].system/id).
  const externalIds = fields.externalIds as RegisterSubject['data']['externalIds'];
  return {
    type: 'RegisterSubject',
    data: withoutUndefined({ subjectId, locale: fields.locale as string, contactPoints, profile, externalIds }),
  };
}

function grantConsent(
  envelope: RecordEnvelope,
  fields: Fields,
  topics: TopicLookup,
  pointId: PointId,
): CommandInput<GrantConsent> {
  const topicId = fields.topicId as string;
  // Art. 7(1): without a known text version the grant is tied to the text current at import.
  const textVersion = fields.textVersion ?? topics(topicId)?.currentVersion;
  const evidence = {
    method: 'import' as const,
    capturedAt: fields.capturedAt as string,
    sourceSystem: envelope.sourceSystem,
    formId: text(fields.formId),
    textVersion: textVersion as number,
    ipAddress: text(fields.ipAddress),
    userAgent: text(fields.userAgent),
    affirmativeAction: fields.affirmativeAction as boolean,
  };
  const data = {
    topicId,
    channel: fields.channel as string,
    contactPointId: pointId(fields.contactPointId),
    expiresAt: text(fields.expiresAt),
    evidence,
  };
  return { type: 'GrantConsent', data: withoutUndefined(data) };
}

function revokeConsent(envelope: RecordEnvelope, fields: Fields, pointId: PointId): CommandInput<RevokeConsent> {
  const data = {
    topicId: fields.topicId as string,
    channel: text(fields.channel),
    contactPointId: pointId(fields.contactPointId),
    reason: provenance(envelope, fields.reason),
  };
  return { type: 'RevokeConsent', data: withoutUndefined(data) };
}

function raiseObjection(envelope: RecordEnvelope, fields: Fields): CommandInput<RaiseObjection> {
  const kind =
    fields.scope ??
    (fields.topicId !== undefined ? 'topic' : fields.channel !== undefined ? 'channel' : 'direct_marketing');
  const scope = { kind, topicId: text(fields.topicId), channel: text(fields.channel) } as never;
  return {
    type: 'RaiseObjection',
    data: { scope: withoutUndefined(scope), reason: provenance(envelope, fields.reason) },
  };
}

function setBlock(
  envelope: RecordEnvelope,
  subjectId: string,
  fields: Fields,
  keys: IdKeys,
  pointId: PointId,
): CommandInput<SetContactBlock> {
  const scope = withoutUndefined({
    kind: fields.scope,
    channel: text(fields.channel),
    contactPointId: pointId(fields.contactPointId),
    topicId: text(fields.topicId),
  }) as never;
  const given = (fields.reference ?? {}) as Fields;
  const reference = {
    kind: (given.kind ?? fields.referenceKind) as never,
    id: (given.id ?? fields.referenceId) as string,
  };
  const blockId =
    text(fields.blockId) ??
    importedSubjectId(keys, subjectId, `block:${JSON.stringify(scope)}:${reference.kind}:${reference.id}`);
  // A block needs a stated reason, as live: provenance is added to one, never stands in for it.
  const reason = text(fields.reason) === undefined ? (fields.reason as string) : provenance(envelope, fields.reason)!;
  return { type: 'SetContactBlock', data: { blockId, scope, reason, reference } };
}

/**
 * The ledger records when it learned of a revocation, objection or block (the command's time);
 * the source system's time and name are kept beside the stated reason so the proof says both.
 */
function provenance(envelope: RecordEnvelope, reason: unknown): string | undefined {
  if (typeof reason !== 'string' && envelope.occurredAt === undefined) return undefined;
  const origin = `imported from ${envelope.sourceSystem}${envelope.occurredAt ? `, occurred ${envelope.occurredAt}` : ''}`;
  return typeof reason === 'string' && reason.trim() !== '' ? `${reason} (${origin})` : `(${origin})`;
}

function withoutUndefined<T extends object>(value: T): T {
  const given = value as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const key in given) if (given[key] !== undefined) kept[key] = given[key];
  return kept as T;
}
