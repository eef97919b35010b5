import type { Decider } from '../shared/decider';
import type { TopicCommand } from './topic.commands';
import { decideTopic } from './topic.decide';
import type { TopicEvent } from './topic.events';
import { evolveTopic, initialTopicState, type TopicState } from './topic.state';

export const topicDecider: Decider<TopicCommand, TopicEvent, TopicState> = {
  decide: decideTopic,
  evolve: evolveTopic,
  initialState: initialTopicState,
};
