import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { refusal, type RegisteredSubject, type TopicView } from '#domain';
import { GrantConsentCommand, RevokeConsentCommand } from '../subjects/consent.commands';
import { RequestDoubleOptInCommand } from '../subjects/double-opt-in.commands';
import { SubjectCommandRunner } from '../subjects/subject-command-runner';
import { TopicViews } from '../topics/topic-views';
import {
  actEvidence,
  PRIVACY_CENTER_SOURCE,
  type SelfServiceAct,
  type SelfServiceOutcome,
  type SelfServiceSession,
} from './self-service-act';

export interface GrantInput {
  topicId: string;
  channel: string;
  contactPointId?: string;
  textVersion: number;
}

/**
 * Grant and withdraw in the Privacy Center, through the same commands (and deciders) as the API.
 * Art. 7(3): withdrawing is one click, as giving is.
 */
@Injectable()
export class SelfServiceConsents {
  constructor(
    private readonly commands: CommandBus,
    private readonly subjects: SubjectCommandRunner,
    private readonly topics: TopicViews,
  ) {}

  /**
   * A footer link can be forwarded, so an e-mail consent is granted at once only for the address
   * this session's sign-in mail proved; otherwise the address confirms by double opt-in first.
   */
  async grant(session: SelfServiceSession, input: GrantInput, act: SelfServiceAct): Promise<SelfServiceOutcome> {
    const topic = await this.currentTopic(input);
    const { subjectId } = session;
    if (input.channel === 'email') {
      const contactPointId = input.contactPointId ?? (await this.emailOf(session));
      if (contactPointId !== session.provenContactPointId) {
        const request = { ...input, contactPointId, sourceSystem: PRIVACY_CENTER_SOURCE };
        await this.commands.execute(new RequestDoubleOptInCommand(subjectId, request, act.context));
        return { outcome: 'double-opt-in-sent' };
      }
    }
    const evidence = {
      ...actEvidence(act, topic.currentVersion),
      textVersion: topic.currentVersion,
      capturedAt: act.context.now,
      sourceSystem: PRIVACY_CENTER_SOURCE,
      affirmativeAction: true,
    };
    const { textVersion: _shown, ...scope } = input;
    await this.commands.execute(new GrantConsentCommand(subjectId, { ...scope, evidence }, act.context));
    return { outcome: 'granted' };
  }

  async revoke(
    session: SelfServiceSession,
    input: { topicId: string; channel?: string },
    act: SelfServiceAct,
  ): Promise<SelfServiceOutcome> {
    const shown = (await this.topics.view(input.topicId))?.currentVersion;
    const evidence = actEvidence(act, shown);
    await this.commands.execute(new RevokeConsentCommand(session.subjectId, { ...input, evidence }, act.context));
    return { outcome: 'revoked' };
  }

  /** The person consents to the wording on their screen: an older one (another tab, a cached page) is refused. */
  private async currentTopic(input: GrantInput): Promise<TopicView> {
    const topic = await this.topics.view(input.topicId);
    if (topic === undefined) throw refusal('TOPIC.NOT_FOUND', `no topic ${input.topicId}`, 'topicId');
    if (topic.currentVersion !== input.textVersion)
      throw refusal(
        'CONSENT.TEXT_VERSION_OUTDATED',
        `text version ${input.textVersion} is not the current one (${topic.currentVersion})`,
        'textVersion',
      );
    return topic;
  }

  private async emailOf(session: SelfServiceSession): Promise<string> {
    const state = await this.subjects.state(session.subjectId);
    const points = state.status === 'registered' ? activeEmails(state) : [];
    const chosen = points.find((id) => id === session.provenContactPointId) ?? points[0];
    if (chosen === undefined)
      throw refusal('CONTACT_POINT.NOT_FOUND', 'there is no active e-mail address to confirm', 'contactPointId');
    return chosen;
  }
}

function activeEmails(subject: RegisteredSubject): string[] {
  return Object.values(subject.contactPoints).flatMap((point) =>
    point.status === 'active' && point.channel === 'email' ? [point.contactPointId] : [],
  );
}
