import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ObjectionScopeInput } from '#domain';
import { ReceiveDataSubjectRequestCommand } from '../privacy/dsr.commands';
import { ExportSubjectCommand, type SubjectExport } from '../privacy/subject-export.command';
import { SetContactBlockCommand } from '../subjects/block.commands';
import { RaiseObjectionCommand } from '../subjects/consent.commands';
import { TopicViews } from '../topics/topic-views';
import { actEvidence, type SelfServiceAct, type SelfServiceOutcome, type SelfServiceSession } from './self-service-act';

export interface ObjectionInput {
  kind: ObjectionScopeInput['kind'];
  topicId?: string;
}

export interface BlockInput {
  blockId: string;
  kind: 'global' | 'channel';
  channel?: string;
}

export interface RequestInput {
  requestId: string;
  kind: 'access' | 'rectification' | 'erasure';
  field?: string;
  correction?: string;
}

/**
 * Objection (Art. 21), contact blocks and data-subject requests (Art. 15-17) made by the person,
 * through the same commands and deciders as the API. A request made here arrived on the `web`
 * channel (Art. 12(2): the controller facilitates the exercise of rights).
 */
@Injectable()
export class SelfServiceRights {
  constructor(
    private readonly commands: CommandBus,
    private readonly topics: TopicViews,
  ) {}

  async object(session: SelfServiceSession, input: ObjectionInput, act: SelfServiceAct): Promise<SelfServiceOutcome> {
    const shown = input.topicId === undefined ? undefined : (await this.topics.view(input.topicId))?.currentVersion;
    const data = { scope: { kind: input.kind, topicId: input.topicId }, evidence: actEvidence(act, shown) };
    await this.commands.execute(new RaiseObjectionCommand(session.subjectId, data, act.context));
    return { outcome: 'objected' };
  }

  /** The block's proof is the person's own request, under the block's id. */
  async block(session: SelfServiceSession, input: BlockInput, act: SelfServiceAct): Promise<SelfServiceOutcome> {
    const data = {
      blockId: input.blockId,
      scope: { kind: input.kind, channel: input.channel },
      reason: 'set by the subject in the Privacy Center',
      reference: { kind: 'request' as const, id: input.blockId },
      evidence: actEvidence(act),
    };
    await this.commands.execute(new SetContactBlockCommand(session.subjectId, data, act.context));
    return { outcome: 'blocked' };
  }

  /** Erasure too is only requested here: legal holds (Art. 17(3)) are weighed in the DPO's workflow. */
  async request(session: SelfServiceSession, input: RequestInput, act: SelfServiceAct): Promise<SelfServiceOutcome> {
    const data = { ...input, channel: 'web' as const, receivedAt: act.context.now, evidence: actEvidence(act) };
    const received = await this.commands.execute(
      new ReceiveDataSubjectRequestCommand(session.subjectId, data, act.context),
    );
    return { outcome: 'requested', requestId: input.requestId, dueAt: received.dueAt };
  }

  /** Art. 15(3): the copy is the answer to an access request opened by this download, and fulfils it. */
  async export(session: SelfServiceSession, requestId: string, act: SelfServiceAct): Promise<SubjectExport> {
    await this.request(session, { requestId, kind: 'access' }, act);
    return this.commands.execute(new ExportSubjectCommand(session.subjectId, requestId, act.context));
  }
}
