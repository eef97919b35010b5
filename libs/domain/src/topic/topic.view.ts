import type { Channel } from '../shared/channel';
import type { AutomatedDecision, LegalBasis } from './topic.events';
import type { TextVersion, TopicState } from './topic.state';

/**
 * What subject commands need to know about a topic, read from its stream by the application and
 * carried on the command's metadata. Read-only: subject deciders never change a topic.
 */
export type TopicView = Readonly<{
  id: string;
  title: string;
  allowedChannels: readonly Channel[];
  legalBasis: LegalBasis;
  personalFields: readonly string[];
  retentionDays: number;
  /** Art. 21(2): profiling for direct marketing; false where the definition is silent. */
  profiling: boolean;
  /** Art. 22, 15(1)(h): present only when the purpose involves an automated decision. */
  automatedDecision?: Readonly<AutomatedDecision>;
  /** Art. 8(1): offered directly to a child; false where the definition is silent. */
  offeredToChildren: boolean;
  status: 'active' | 'retired';
  /** 0 while no text has been published. */
  currentVersion: number;
  currentMaterialVersion: number;
  versions: readonly Readonly<TextVersion>[];
}>;

/** The view of a defined topic; undefined when the topic was never defined. */
export function toTopicView(state: TopicState): TopicView | undefined {
  if (state.status === 'not_defined') return undefined;
  const { definition, versions, currentMaterialVersion } = state;
  return {
    id: definition.topicId,
    title: definition.title,
    allowedChannels: definition.allowedChannels,
    legalBasis: definition.legalBasis,
    personalFields: definition.personalFields,
    retentionDays: definition.retentionDays,
    profiling: definition.profiling === true,
    ...(definition.automatedDecision ? { automatedDecision: definition.automatedDecision } : {}),
    offeredToChildren: definition.offeredToChildren === true,
    status: state.status,
    currentVersion: versions.at(-1)?.version ?? 0,
    currentMaterialVersion,
    versions,
  };
}

/** What a reader of the topic is told: the view plus its purpose in words (Art. 5(1)(b), 13(1)(c)). */
export type TopicDetail = TopicView & Readonly<{ description: string }>;

export function toTopicDetail(state: TopicState): TopicDetail | undefined {
  const view = toTopicView(state);
  return view && state.status !== 'not_defined' ? { ...view, description: state.definition.description } : undefined;
}

export function findTextVersion(topic: TopicView, version: number): Readonly<TextVersion> | undefined {
  return topic.versions.find((candidate) => candidate.version === version);
}
