import {
  DEAD_LETTER_COLLECTION,
  DOI_MAIL_COLLECTION,
  PROGRESS_COLLECTION,
  SESSION_COLLECTION,
  SIGN_IN_COLLECTION,
  WEBHOOK_COLLECTION,
} from '#journeys';
import { LEASE_COLLECTION } from '#projection-runtime';
import { READ_MODELS } from '#projections';
import { isOperationalCollection } from '#read-store';
import { sourcesUnder } from './import-graph';

/**
 * Webhooks, dead letters, the mail outbox and leases live on the read store's adapters but are not
 * read models: they go through the OperationalStore port and carry names a read model cannot take.
 */
describe('operational state beside the read models', () => {
  it('is reached by the journey services only through OperationalStore, never the ReadStore port', () => {
    const journeys = [
      ...sourcesUnder('libs/journeys/src'),
      ...sourcesUnder('libs/projection-runtime/src').filter((f) => f.path.endsWith('projection-lease.ts')),
    ];
    expect(journeys.length).toBeGreaterThan(10);
    expect(
      journeys.filter((file) => /\bReadStore\b|\bREAD_STORE\b/.test(file.source)).map((file) => file.path),
    ).toEqual([]);
  });

  it('keeps operational collection names apart from every read model collection', () => {
    const operational = [
      WEBHOOK_COLLECTION,
      DEAD_LETTER_COLLECTION,
      PROGRESS_COLLECTION,
      DOI_MAIL_COLLECTION,
      SESSION_COLLECTION,
      SIGN_IN_COLLECTION,
      LEASE_COLLECTION,
    ];
    expect(operational.filter((name) => !isOperationalCollection(name))).toEqual([]);
    expect(READ_MODELS.flatMap((model) => model.collections).filter(isOperationalCollection)).toEqual([]);
  });
});
