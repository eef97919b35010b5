import { CloudEvent, HTTP } from 'cloudevents';
import { toCloudEvent, type PublishedEvent } from './cloud-event';
import type { IntegrationEvent } from './integration-event';

const SOURCE = 'https://ledger.example.org/feed';
const granted: IntegrationEvent = {
  id: '0b8f3c1e-5d2a-4c55-9d0e-8e1f2a3b4c5d',
  type: 'consent.changed.v1',
  subjectId: '6f1c2b8e-4a5d-4e7f-9a0b-1c2d3e4f5a6b',
  topicId: 'newsletter',
  channel: 'email',
  newState: 'granted',
  reason: 'double_opt_in',
  position: 1042,
  time: '2025-03-01T10:00:00.000Z',
};

/** Parsed with the cloudevents SDK, as a receiver would. */
describe('integration events as CloudEvents 1.0 (structured JSON)', () => {
  it('maps id, type, subject, time and position to attributes and keeps the v1 event as data', () => {
    const body = JSON.stringify(toCloudEvent(granted, SOURCE));
    const event = HTTP.toEvent({
      headers: { 'content-type': 'application/cloudevents+json' },
      body,
    }) as CloudEvent<IntegrationEvent>;
    expect(event.validate()).toBe(true);
    expect(event).toMatchObject({
      specversion: '1.0',
      id: granted.id,
      source: SOURCE,
      type: 'consent.changed.v1',
      subject: granted.subjectId,
      datacontenttype: 'application/json',
      ledgerposition: 1042,
    });
    expect(event.time).toBe(granted.time);
    expect(event.data).toEqual(granted);
  });

  it('carries any published type unchanged, and a subject-less one without a subject attribute', () => {
    const checkpoint: PublishedEvent & { treeSize: number; rootHash: string } = {
      id: 'a5e0c1d2-0000-4000-8000-000000000001',
      type: 'audit.checkpoint.v1',
      position: 7,
      time: '2025-03-01T11:00:00.000Z',
      treeSize: 7,
      rootHash: 'ab12',
    };
    const mapped = toCloudEvent(checkpoint, SOURCE);
    expect('subject' in mapped).toBe(false);
    const event = new CloudEvent<typeof checkpoint>(JSON.parse(JSON.stringify(mapped)));
    expect(event.validate()).toBe(true);
    expect(event.subject).toBeUndefined();
    expect(event).toMatchObject({ type: 'audit.checkpoint.v1', ledgerposition: 7 });
    expect(event.data).toEqual(checkpoint);
  });
});
