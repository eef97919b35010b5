import { CHECKPOINT_EVENT_TYPE, ChainChecker, checkAnchor, checkpointSignatureProblem, headLeaf, leafHash, verifyInclusion, type AnchorMismatch, type AuditPublicKey, type ChainBreak, type StreamHead } from '#audit';
import { AUDIT_ANCHOR_STREAM, subjectNotRegistered, subjectStreamName } from '#domain';
import type { EventStore, RecordedEvent } from '#event-store';
import { allAnchors, type AnchorRecord } from './checkpoint-list';
import { headsAt } from './heads-at';

export interface InclusionProof {
  anchorRevision: number;
  checkpoint: AnchorRecord['checkpoint'];
  head: StreamHead;
  leaf: string;
  leafIndex: number;
  treeSize: number;
  /** Sibling hashes from the leaf up (RFC 6962 2.1.1), hex. */
  proof: string[];
  verified: boolean;
}

export interface SubjectVerification {
  subjectId: string;
  stream: string;
  ok: boolean;
  events: number;
  head: StreamHead;
  firstBreak?: ChainBreak;
  anchors: { covering: number; signaturesValid: number; firstMismatch?: AnchorMismatch };
  /** The subject's head in the latest anchor covering it, with the audit path to its root. */
  inclusion?: InclusionProof;
}

/** One subject's chain, the signatures of the anchors covering it and its inclusion in the latest. */
export async function verifySubject(store: EventStore, key: AuditPublicKey | undefined, subjectId: string): Promise<SubjectVerification> {
  const stream = subjectStreamName(subjectId);
  const recorded = await store.readStream(stream);
  if (recorded.length === 0) throw subjectNotRegistered();
  const checker = new ChainChecker();
  const firstBreak = recorded.flatMap((event) => checker.check(event))[0];
  const covering = await coveringAnchors(store, recorded[0]!.position);
  const mismatches = covering.map((anchor) => signatureMismatch(anchor, key)).filter((m): m is AnchorMismatch => m !== undefined);
  const latest = covering.filter((anchor) => !mismatches.some((m) => m.anchorRevision === anchor.revision)).at(-1);
  const inclusion = latest ? await includeIn(store, key, latest, stream) : undefined;
  if (inclusion && 'mismatch' in inclusion) mismatches.push(inclusion.mismatch);
  const proof = inclusion && !('mismatch' in inclusion) ? inclusion : undefined;
  const last = recorded[recorded.length - 1]!;
  return {
    subjectId,
    stream,
    ok: firstBreak === undefined && mismatches.length === 0 && (proof?.verified ?? true),
    events: recorded.length,
    head: { stream, revision: last.revision, hash: String(last.metadata.hash) },
    firstBreak,
    anchors: { covering: covering.length, signaturesValid: covering.length - mismatches.filter((m) => m.field === 'signature').length, firstMismatch: mismatches[0] },
    inclusion: proof,
  };
}

async function coveringAnchors(store: EventStore, firstPosition: number): Promise<AnchorRecord[]> {
  const anchors: AnchorRecord[] = [];
  for await (const anchor of allAnchors(store)) if (anchor.checkpoint.position >= firstPosition) anchors.push(anchor);
  return anchors;
}

function asEvent(anchor: AnchorRecord): RecordedEvent {
  const { checkpoint, algorithm, signature } = anchor;
  const metadata = { hash: anchor.hash, prevHash: anchor.prevHash };
  return { id: anchor.eventId, type: CHECKPOINT_EVENT_TYPE, stream: AUDIT_ANCHOR_STREAM, revision: anchor.revision, position: anchor.position, data: { checkpoint, algorithm, signature }, metadata, created: new Date(0) };
}

function signatureMismatch(anchor: AnchorRecord, key: AuditPublicKey | undefined): AnchorMismatch | undefined {
  const problem = key ? checkpointSignatureProblem(anchor, key) : 'no public key to check the signature with';
  if (!problem) return undefined;
  const base = { anchorRevision: anchor.revision, anchorEventId: anchor.eventId, anchorPosition: anchor.position, checkpoint: anchor.checkpoint };
  return { ...base, field: 'signature', expected: anchor.checkpoint.keyId, found: key?.keyId ?? 'no public key', message: problem };
}

async function includeIn(store: EventStore, key: AuditPublicKey | undefined, anchor: AnchorRecord, stream: string): Promise<InclusionProof | { mismatch: AnchorMismatch }> {
  const heads = await headsAt(store, anchor.checkpoint.position);
  const snapshot = { position: anchor.checkpoint.position, logSize: heads.logSize, streams: heads.size, merkleRoot: heads.root() };
  const mismatch = checkAnchor(asEvent(anchor), key, snapshot);
  if (mismatch) return { mismatch };
  const head = heads.get(stream)!;
  const path = heads.proofFor(stream)!;
  const leaf = headLeaf(head);
  const root = Buffer.from(anchor.checkpoint.merkleRoot, 'hex');
  const verified = verifyInclusion(leafHash(leaf), path.leafIndex, path.treeSize, path.proof.map((p) => Buffer.from(p, 'hex')), root);
  return { anchorRevision: anchor.revision, checkpoint: anchor.checkpoint, head, leaf, ...path, verified };
}
