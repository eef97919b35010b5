import { Inject, Injectable } from '@nestjs/common';
import { BlindIndexInputError, normaliseEmail, type SubjectCrypto } from '#crypto';
import type { RegisteredSubject } from '#domain';
import { findByLookupKey } from '#projections';
import type { ReadStore } from '#read-store';
import { READ_STORE, SUBJECT_CRYPTO } from '#runtime';
import { SubjectCommandRunner } from '../subjects/subject-command-runner';

/** A subject who holds the address, on which contact point, and in which language to write. */
export interface AddressHolder {
  subjectId: string;
  contactPointId: string;
  address: string;
  locale: string;
}

/**
 * Who holds an e-mail address: the profile read model's blind index finds the candidates, each
 * subject's own stream confirms the address is still an active contact point (a read model may lag
 * behind a removal or an erasure). Several subjects may share an address (a family mailbox).
 */
@Injectable()
export class EmailDirectory {
  constructor(
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(SUBJECT_CRYPTO) private readonly crypto: SubjectCrypto,
    private readonly subjects: SubjectCommandRunner,
  ) {}

  async holders(email: string): Promise<AddressHolder[]> {
    const wanted = normalised(email);
    if (wanted === undefined) return [];
    const candidates = await findByLookupKey(this.store, this.crypto.blindIndex('email', wanted));
    const holders: AddressHolder[] = [];
    for (const { id } of candidates) {
      const state = await this.subjects.state(id);
      const point = state.status === 'registered' ? activeEmail(state, wanted) : undefined;
      if (point && state.status === 'registered') holders.push({ subjectId: id, ...point, locale: state.locale });
    }
    return holders;
  }
}

function normalised(email: string): string | undefined {
  try {
    return normaliseEmail(email);
  } catch (error) {
    if (error instanceof BlindIndexInputError) return undefined;
    throw error;
  }
}

function activeEmail(subject: RegisteredSubject, wanted: string) {
  const point = Object.values(subject.contactPoints).find(
    (cp) => cp.status === 'active' && cp.channel === 'email' && normalised(cp.address) === wanted,
  );
  return point?.status === 'active' ? { contactPointId: point.contactPointId, address: point.address } : undefined;
}
