import { planFilter } from './kurrentdb-filter';

const ev = (stream: string, type: string) => ({ stream, type });

describe('kurrentdb filter plan', () => {
  it('sends stream prefixes to the server and checks event types here', () => {
    const plan = planFilter({ streamPrefixes: ['subject-'], eventTypes: ['ConsentGranted'] });
    expect(plan.server).toMatchObject({ filterOn: 'streamName', prefixes: ['subject-'] });
    expect(plan.matches(ev('subject-1', 'ConsentGranted'))).toBe(true);
    expect(plan.matches(ev('subject-1', 'ConsentRevoked'))).toBe(false);
    expect(plan.matches(ev('topic-a', 'ConsentGranted'))).toBe(false);
  });

  it('sends exact event types as an anchored, escaped regex', () => {
    const plan = planFilter({ eventTypes: ['Consent.Granted', 'Erased'] });
    expect(plan.server).toMatchObject({ filterOn: 'eventType', regex: '^(?:Consent\\.Granted|Erased)$' });
    const regex = new RegExp((plan.server as { regex: string }).regex);
    expect(regex.test('Consent.Granted')).toBe(true);
    expect(regex.test('ConsentXGranted')).toBe(false);
    expect(regex.test('ErasedV2')).toBe(false);
  });

  it('excludes system events on the server when nothing else is asked', () => {
    expect(planFilter(undefined).server).toMatchObject({ filterOn: 'eventType', regex: '^[^$].*' });
    expect(planFilter({ streamPrefixes: [] }).server).toMatchObject({ regex: '^[^$].*' });
  });

  it('never lets a system event or system stream through', () => {
    const plan = planFilter({ streamPrefixes: ['$'] });
    expect(plan.matches(ev('$stats-127.0.0.1:2113', '$statsCollected'))).toBe(false);
    expect(plan.matches(ev('$$subject-1', '$metadata'))).toBe(false);
    expect(planFilter(undefined).matches(ev('subject-1', '$>'))).toBe(false);
  });
});
