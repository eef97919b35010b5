import type { TextChange, TopicDefinition, TopicEvent } from './topic.events';

export type TextVersion = {
  version: number;
  textHash: string;
  language: string;
  change: TextChange;
  publishedAt: string;
};

type Defined = {
  definition: TopicDefinition;
  versions: TextVersion[];
  /** The newest version that changed what is consented to; 0 before the first version. */
  currentMaterialVersion: number;
};

export type TopicState =
  | { status: 'not_defined' }
  | ({ status: 'active' } & Defined)
  | ({ status: 'retired'; retiredAt: string } & Defined);

export const initialTopicState = (): TopicState => ({ status: 'not_defined' });

export function evolveTopic(state: TopicState, event: TopicEvent): TopicState {
  switch (event.type) {
    case 'TopicDefined': {
      const { definedAt: _definedAt, ...definition } = event.data;
      return { status: 'active', definition, versions: [], currentMaterialVersion: 0 };
    }
    case 'ConsentTextVersionPublished':
      return state.status === 'not_defined' ? state : withVersion(state, event.data);
    case 'TopicRetired':
      return state.status === 'active' ? { ...state, status: 'retired', retiredAt: event.data.retiredAt } : state;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function withVersion<S extends Defined>(state: S, published: TextVersion): S {
  const { version, textHash, language, change, publishedAt } = published;
  // The first text is what consent was first given to: it is material whatever it was labelled.
  const material = change === 'material' || state.versions.length === 0;
  return {
    ...state,
    versions: [...state.versions, { version, textHash, language, change, publishedAt }],
    currentMaterialVersion: material ? version : state.currentMaterialVersion,
  };
}
