import { Inject, Injectable } from '@nestjs/common';
import type { SubjectCrypto } from '#crypto';
import { getProfiles, type SubjectProfileDocument } from '#projections';
import type { ReadStore } from '#read-store';
import { READ_STORE, SUBJECT_CRYPTO } from '#runtime';
import { maskAddress } from './mask-address';

/** How a list names a subject for a person who may see personal data: the name, else a masked address. */
export type SubjectLabel = { name?: string; address?: string; erased: boolean };

const NAME_FIELDS = ['firstName', 'lastName'] as const;

/** Labels for lists (the request queue): decrypted at the edge, never stored in clear (Art. 25). */
@Injectable()
export class SubjectLabels {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(SUBJECT_CRYPTO) private readonly crypto: SubjectCrypto,
  ) {}

  async of(subjectIds: readonly string[]): Promise<Map<string, SubjectLabel>> {
    const docs = await getProfiles(this.store, [...new Set(subjectIds)]);
    const labels = await Promise.all(docs.map(async ({ id, doc }) => [id, await this.label(doc)] as const));
    return new Map(labels);
  }

  private async label(doc: SubjectProfileDocument): Promise<SubjectLabel> {
    if (doc.erased) return { erased: true };
    const clear = async (value: string | undefined) => {
      const plain = value === undefined ? undefined : await this.crypto.decryptOrErased(doc.subjectId, value);
      return typeof plain === 'string' ? plain : undefined;
    };
    const parts = await Promise.all(NAME_FIELDS.map((field) => clear(doc.profile[field])));
    const name = parts.filter(Boolean).join(' ');
    if (name) return { name, erased: false };
    const point = doc.contactPoints.find((p) => p.status === 'active');
    const address = point?.status === 'active' ? await clear(point.address) : undefined;
    return { ...(address ? { address: maskAddress(address) } : {}), erased: false };
  }
}
