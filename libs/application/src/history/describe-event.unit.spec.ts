import { subjectPersonalFields } from '#domain';
import { describeEvent } from './describe-event';

const title = (topicId: string) => `Topic ${topicId}`;

describe('timeline descriptions', () => {
  it.each(Object.keys(subjectPersonalFields))('describes %s in English and German, not as a bare type', (type) => {
    const text = describeEvent({ type, data: {} }, title);
    expect(text.en).not.toContain(type);
    expect(text.de).not.toContain(type);
    expect(text.de).not.toBe(text.en);
  });

  it('names the request kind, its article and its due date', () => {
    const text = describeEvent(
      { type: 'DataSubjectRequestReceived', data: { kind: 'access', dueAt: '2026-12-25T10:00:00.000Z' } },
      title,
    );
    expect(text.en).toBe('Request received: access (Art. 15), due 2026-12-25 (Art. 12(3))');
    expect(text.de).toBe('Antrag eingegangen: Auskunft (Art. 15), fällig am 2026-12-25 (Art. 12(3))');
  });
});

describe('acts of the person in the Privacy Center', () => {
  it('say where the person acted, in both languages', () => {
    const event = {
      type: 'ConsentRevoked',
      data: { topicId: 'news', channel: 'email', evidence: { method: 'privacy_center', textVersion: 1 } },
    };
    expect(describeEvent(event, (id) => id)).toEqual({
      en: 'Consent revoked for news by e-mail (in the Privacy Center)',
      de: 'Einwilligung für news per E-Mail widerrufen (im Datenschutz-Center)',
    });
  });
});
