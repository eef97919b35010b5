/** Art. 30(1)(g), Art. 32: the technical measures the ledger itself applies, stated per measure. */
export interface Safeguard {
  id: string;
  measure: string;
  articles: string;
  inPlace: boolean;
}

/** Every measure but the checkpoints is built in; checkpoints count once one was signed. */
export function safeguards(checkpointsSigned: boolean): Safeguard[] {
  return [
    {
      id: 'encryption',
      measure:
        'personal fields encrypted with AES-256-GCM under a per-subject data key, wrapped by a master key held outside the stores',
      articles: 'Art. 32(1)(a), Art. 25',
      inPlace: true,
    },
    {
      id: 'crypto-shredding',
      measure: "erasure destroys the subject's data key: history stays as anonymous proof, the person is gone",
      articles: 'Art. 17',
      inPlace: true,
    },
    {
      id: 'blind-index',
      measure:
        'look-ups by e-mail, phone or external id through a keyed HMAC-SHA-256 blind index, removed on erasure; no clear-text index',
      articles: 'Art. 32(1)(a), Art. 25(1)',
      inPlace: true,
    },
    {
      id: 'hash-chain',
      measure: 'every event carries the SHA-256 hash of its predecessor in its stream: a tamper-evident log',
      articles: 'Art. 5(2), Art. 32(1)(b)',
      inPlace: true,
    },
    {
      id: 'signed-checkpoints',
      measure: 'Ed25519-signed checkpoints over the Merkle root of all stream heads (audit-anchors)',
      articles: 'Art. 5(2)',
      inPlace: checkpointsSigned,
    },
    {
      id: 'access-control',
      measure: 'API keys with roles per route, fail closed; keys stored as SHA-256 only',
      articles: 'Art. 32(1)(b), Art. 32(4)',
      inPlace: true,
    },
  ];
}
