import type { SubjectCrypto } from '#crypto';
import { subjectDecider, SubjectEventType, subjectStreamName, type ErasureCause, type SubjectCommand } from '#domain';
import type { CommandContext } from '../commands/command-context';
import type { CommandExecutor } from '../commands/command-executor';
import type { CommandResult } from '../commands/command-result';
import type { EventCodec } from '../commands/event-codec';
import { ErasureCodec } from './erasure-codec';

export interface ErasureInput {
  cause: ErasureCause;
  requestId?: string;
}

/** `deferred` carries the hold that applies: its legal ground and when it ends (Art. 17(3)). */
export type ErasureOutcome =
  | { outcome: 'erased' | 'unchanged'; result: CommandResult }
  | { outcome: 'deferred'; result: CommandResult; holdId: string; reason: unknown; until: string };

/**
 * Art. 17 by crypto-shredding: decide, destroy the subject's data key, append `SubjectErased`
 * (see ErasureCodec for the order and why a crash in between is completed by the next attempt).
 * Shared by the api, the scheduler and the CLI.
 */
export class SubjectEraser {
  private readonly codec: ErasureCodec;

  constructor(
    private readonly executor: CommandExecutor,
    subjectCodec: EventCodec,
    private readonly crypto: SubjectCrypto,
    private readonly channels: readonly string[],
  ) {
    this.codec = new ErasureCodec(subjectCodec, crypto);
  }

  async erase(subjectId: string, input: ErasureInput, context: CommandContext): Promise<ErasureOutcome> {
    const keyDestroyed = await this.crypto.isShredded(subjectId);
    const metadata = { now: context.now, channels: this.channels, keyDestroyed };
    const command: SubjectCommand = { type: 'RequestErasure', data: input, metadata };
    const stream = subjectStreamName(subjectId);
    const result = await this.executor.execute({
      stream,
      decider: subjectDecider,
      command,
      codec: this.codec,
      context,
    });
    const types = result.events.map((event) => event.type);
    if (types.includes(SubjectEventType.SubjectErased)) return { outcome: 'erased', result };
    if (!types.includes(SubjectEventType.ErasureDeferred)) return { outcome: 'unchanged', result };
    return { outcome: 'deferred', result, ...(await this.deferral(stream)) };
  }

  private async deferral(stream: string): Promise<{ holdId: string; reason: unknown; until: string }> {
    const { state } = await this.executor.load(stream, subjectDecider, this.codec);
    const deferral = state.status === 'registered' ? state.pendingErasure?.deferral : undefined;
    if (deferral === undefined) throw new Error('an erasure was deferred but the stream shows no deferral');
    const hold = state.status === 'registered' ? state.legalHolds[deferral.holdId] : undefined;
    return { holdId: deferral.holdId, reason: hold?.reason, until: deferral.until };
  }
}
