import {
  ChainChecker,
  checkpointSignatureProblem,
  treeInclusionProblem,
  type AnchorMismatch,
  type AuditPublicKey,
  type ChainBreak,
  type TreeInclusion,
  type TreeProofs,
} from '#audit';
import { subjectNotRegistered, subjectStreamName } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { allAnchors, type AnchorRecord } from './checkpoint-list';

/** The head's event as a leaf of the log's tree, with the signed checkpoint and whether it all checks. */
export interface InclusionProof extends TreeInclusion {
  verified: boolean;
  problem?: string;
}

export interface StreamHead {
  stream: string;
  revision: number;
  hash: string;
  position: number;
}

export interface SubjectVerification {
  subjectId: string;
  stream: string;
  ok: boolean;
  events: number;
  head: StreamHead;
  firstBreak?: ChainBreak;
  anchors: { covering: number; signaturesValid: number; firstMismatch?: AnchorMismatch };
  /** The head's event in the tree of the latest checkpoint covering it, with the audit path to its root. */
  inclusion?: InclusionProof;
}

/** One subject's chain, the signatures of the anchors covering it and its inclusion in the latest. */
export async function verifySubject(
  store: EventStore,
  tree: TreeProofs,
  key: AuditPublicKey | undefined,
  subjectId: string,
): Promise<SubjectVerification> {
  const stream = subjectStreamName(subjectId);
  const recorded = await store.readStream(stream);
  if (recorded.length === 0) throw subjectNotRegistered();
  const checker = new ChainChecker();
  const firstBreak = recorded.flatMap((event) => checker.check(event))[0];
  const covering = await coveringAnchors(store, recorded[0]!.position);
  const mismatches = covering
    .map((anchor) => signatureMismatch(anchor, key))
    .filter((m): m is AnchorMismatch => m !== undefined);
  const last = recorded[recorded.length - 1]!;
  const proof = await includeIn(tree, key, last);
  return {
    subjectId,
    stream,
    ok: firstBreak === undefined && mismatches.length === 0 && (proof?.verified ?? true),
    events: recorded.length,
    head: { stream, revision: last.revision, hash: String(last.metadata.hash), position: last.position },
    firstBreak,
    anchors: {
      covering: covering.length,
      signaturesValid: covering.length - mismatches.filter((m) => m.field === 'signature').length,
      firstMismatch: mismatches[0],
    },
    inclusion: proof,
  };
}

async function coveringAnchors(store: EventStore, firstPosition: number): Promise<AnchorRecord[]> {
  const anchors: AnchorRecord[] = [];
  for await (const anchor of allAnchors(store)) if (anchor.checkpoint.position >= firstPosition) anchors.push(anchor);
  return anchors;
}

function signatureMismatch(anchor: AnchorRecord, key: AuditPublicKey | undefined): AnchorMismatch | undefined {
  const problem = key ? checkpointSignatureProblem(anchor, key) : 'no public key to check the signature with';
  if (!problem) return undefined;
  const base = {
    anchorRevision: anchor.revision,
    anchorEventId: anchor.eventId,
    anchorPosition: anchor.position,
    checkpoint: anchor.checkpoint,
  };
  return {
    ...base,
    field: 'signature',
    expected: anchor.checkpoint.keyId,
    found: key?.keyId ?? 'no public key',
    message: problem,
  };
}

/** The head's event in the tree of the latest checkpoint covering it, checked as an offline verifier would. */
async function includeIn(
  tree: TreeProofs,
  key: AuditPublicKey | undefined,
  head: RecordedEvent,
): Promise<InclusionProof | undefined> {
  const inclusion = await tree.inclusionOf(head.position);
  if (!inclusion) return undefined;
  const problem = key
    ? treeInclusionProblem(String(head.metadata.hash), inclusion, key)
    : 'no public key to check the checkpoint with';
  return { ...inclusion, verified: problem === undefined, ...(problem ? { problem } : {}) };
}
