import { CHECKPOINT_EVENT_TYPE, type SignedCheckpoint } from '#audit';
import type { Decider } from '#domain';

export type RecordCheckpoint = { type: 'RecordCheckpoint'; data: SignedCheckpoint };
export type AuditCheckpointRecorded = {
  type: typeof CHECKPOINT_EVENT_TYPE;
  data: SignedCheckpoint & Record<string, unknown>;
};
export type AnchorState = { lastPosition: number };

/**
 * The `audit-anchors` stream as a decider: a checkpoint is recorded only when it covers more of the
 * log than the last one, so two api instances anchoring the same position record it once.
 */
export const anchorDecider: Decider<RecordCheckpoint, AuditCheckpointRecorded, AnchorState> = {
  decide: (command, state) =>
    command.data.checkpoint.position > state.lastPosition
      ? [{ type: CHECKPOINT_EVENT_TYPE, data: { ...command.data } }]
      : [],
  evolve: (state, event) => ({ lastPosition: Math.max(state.lastPosition, event.data.checkpoint.position) }),
  initialState: () => ({ lastPosition: 0 }),
};
