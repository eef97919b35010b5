import { Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  AUDIT_SIGNING_KEY,
  AuditCheckpointService,
  GetConsistencyProof,
  ListCheckpoints,
  type AnchorRecord,
  type ConsistencyProof,
} from '#application';
import type { AuditSigningKey, SignedCheckpoint } from '#audit';
import { refusal } from '#domain';
import { Public, Roles } from '../auth';
import { Operation } from '../http/openapi/operation.decorators';
import { list, ref } from '../http/openapi/schemas/schema-helpers';

function limitOf(raw: unknown): number {
  if (raw === undefined) return 20;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isInteger(value) || value < 1 || value > 1000) {
    throw refusal('VALIDATION.FAILED', 'limit must be a whole number from 1 to 1000', 'limit');
  }
  return value;
}

function sizeOf(field: 'first' | 'second', raw: unknown): number {
  const value = Number(raw);
  if (typeof raw !== 'string' || raw.trim() === '' || !Number.isSafeInteger(value) || value < 0) {
    throw refusal('VALIDATION.FAILED', `${field} must be a whole number of at least 0 (a checkpoint's logSize)`, field);
  }
  return value;
}

/** The key that signs checkpoints and receipts, and the checkpoints themselves. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly queries: QueryBus,
    private readonly checkpoints: AuditCheckpointService,
    @Inject(AUDIT_SIGNING_KEY) private readonly key: AuditSigningKey,
  ) {}

  /** Public on purpose: anyone holding a receipt or an exported checkpoint must be able to check it. */
  @Get('public-key')
  @Operation('The Ed25519 key that signs checkpoints and receipts', {
    status: 200,
    description: 'PEM',
    schema: 'PublicKey',
  })
  @Public()
  publicKey(): { keyId: string; algorithm: 'Ed25519'; publicKeyPem: string } {
    return { keyId: this.key.keyId, algorithm: 'Ed25519', publicKeyPem: this.key.publicKeyPem };
  }

  @Get('checkpoints')
  @Operation(
    'Signed checkpoints, newest first',
    { status: 200, description: 'The anchors', schema: list(ref('AnchorRecord')) },
    'VALIDATION.FAILED',
  )
  @Roles('auditor', 'dpo', 'admin')
  @ApiQuery({ name: 'limit', required: false, description: '1 to 1000, default 20; newest first' })
  list(@Query('limit') limit: unknown): Promise<AnchorRecord[]> {
    return this.queries.execute<ListCheckpoints, AnchorRecord[]>(new ListCheckpoints(limitOf(limit)));
  }

  /** Lets a monitor holding two checkpoints (e.g. from the feed) check that the log only grew in between. */
  @Get('consistency')
  @Operation(
    'Consistency proof between two tree sizes',
    { status: 200, description: 'The RFC 6962 proof', schema: 'ConsistencyProof' },
    'VALIDATION.FAILED',
    'AUDIT.TREE_TOO_SMALL',
  )
  @Roles('auditor', 'dpo', 'admin')
  @ApiQuery({ name: 'first', required: true, description: 'logSize of the older checkpoint' })
  @ApiQuery({ name: 'second', required: true, description: 'logSize of the newer checkpoint, at least first' })
  consistency(@Query('first') rawFirst: unknown, @Query('second') rawSecond: unknown): Promise<ConsistencyProof> {
    const [first, second] = [sizeOf('first', rawFirst), sizeOf('second', rawSecond)];
    if (first > second) throw refusal('VALIDATION.FAILED', 'first must not exceed second', 'first');
    return this.queries.execute<GetConsistencyProof, ConsistencyProof>(new GetConsistencyProof(first, second));
  }

  /** Anchors the log now (e.g. before an export); `recorded: false` when nothing changed since the last one. */
  @Post('checkpoints')
  @Operation('Sign a checkpoint of the log now', {
    status: 200,
    description: 'recorded is false when the log did not grow',
    schema: 'CheckpointRecorded',
  })
  @HttpCode(200)
  @Roles('admin')
  async checkpointNow(): Promise<{ recorded: boolean; checkpoint?: SignedCheckpoint }> {
    const checkpoint = await this.checkpoints.checkpointNow();
    return checkpoint ? { recorded: true, checkpoint } : { recorded: false };
  }
}
