import type { BlockEvent } from './block.events';
import type { ContactBlock, RegisteredSubject } from './subject.state';

export function evolveBlock(state: RegisteredSubject, event: BlockEvent): RegisteredSubject {
  switch (event.type) {
    case 'ContactBlockSet': {
      const { subjectId: _subjectId, setAt, ...block } = event.data;
      return withBlock(state, { status: 'active', ...block, setAt });
    }
    case 'ContactBlockLifted': {
      const block = state.blocks[event.data.blockId];
      return block?.status === 'active'
        ? withBlock(state, { ...block, status: 'lifted', liftedAt: event.data.liftedAt })
        : state;
    }
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

function withBlock(state: RegisteredSubject, block: ContactBlock): RegisteredSubject {
  return { ...state, blocks: { ...state.blocks, [block.blockId]: block } };
}
