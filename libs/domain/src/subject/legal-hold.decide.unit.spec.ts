import { deciderSpec } from '#testing';
import type { PlaceLegalHold, ReleaseLegalHold } from './legal-hold.commands';
import { HOLD_UNTIL, holdPlaced } from './privacy.fixtures';
import { EARLIER, NOW, SUBJECT_ID, context, registered } from './subject.fixtures';
import { subjectDecider } from './subject.decider';

const spec = deciderSpec(subjectDecider);

const place = (data: Partial<PlaceLegalHold['data']> = {}): PlaceLegalHold => ({
  type: 'PlaceLegalHold',
  data: {
    holdId: 'hold-1',
    reason: 'invoices kept ten years (AO § 147)',
    until: HOLD_UNTIL,
    placedBy: 'e2e-dpo',
    ...data,
  },
  metadata: { ...context, now: EARLIER },
});
const release = (holdId = 'hold-1'): ReleaseLegalHold => ({
  type: 'ReleaseLegalHold',
  data: { holdId },
  metadata: context,
});
const released = {
  type: 'LegalHoldReleased' as const,
  data: { subjectId: SUBJECT_ID, holdId: 'hold-1', releasedAt: NOW },
};

describe('PlaceLegalHold', () => {
  it('records the hold with its legal ground, its end and who placed it', () => {
    spec.given([registered()]).when(place()).then([holdPlaced()]);
  });

  it.each<[string, string, Partial<PlaceLegalHold['data']>]>([
    ['LEGAL_HOLD.REASON_REQUIRED', 'reason', { reason: '' }],
    ['LEGAL_HOLD.UNTIL_INVALID', 'until', { until: 'forever' }],
    ['LEGAL_HOLD.UNTIL_INVALID', 'until', { until: '2020-01-01T00:00:00Z' }],
    ['LEGAL_HOLD.ID_INVALID', 'holdId', { holdId: '' }],
  ])('refuses invalid hold data: %s on %s', (code, field, data) => {
    spec.given([registered()]).when(place(data)).thenThrows(code, { kind: 'invalid', field });
  });

  it('refuses to reuse a hold id for another hold', () => {
    spec
      .given([registered(), holdPlaced()])
      .when(place({ until: '2036-01-01T00:00:00.000Z' }))
      .thenThrows('LEGAL_HOLD.ALREADY_EXISTS', { kind: 'conflict' });
  });

  it('placing the same hold again records nothing', () => {
    spec.given([registered(), holdPlaced()]).when(place()).thenNothing();
  });
});

describe('ReleaseLegalHold', () => {
  it('records the release', () => {
    spec.given([registered(), holdPlaced()]).when(release()).then([released]);
  });

  it('refuses an unknown hold', () => {
    spec
      .given([registered()])
      .when(release('hold-9'))
      .thenThrows('LEGAL_HOLD.NOT_FOUND', { kind: 'not_found', field: 'holdId' });
  });

  it('releasing twice records nothing', () => {
    spec.given([registered(), holdPlaced(), released]).when(release()).thenNothing();
  });
});
