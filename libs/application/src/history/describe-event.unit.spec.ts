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

  it('names a parental authorisation by its method, never the parent (Art. 8)', () => {
    const evidence = { method: 'checkbox', textVersion: 1, parentalAuthorisation: { method: 'signed_form' } };
    const text = describeEvent(
      { type: 'ConsentGranted', data: { topicId: 'kids', channel: 'email', evidence } },
      title,
    );
    expect(text.en).toContain('text version 1, authorised by a parent (signed_form)');
    expect(text.de).toContain('Textversion 1, mit Zustimmung eines Elternteils (signed_form)');
  });

  it('names an objection to profiling alone (Art. 21(2))', () => {
    const text = describeEvent(
      { type: 'ObjectionRaised', data: { scope: { kind: 'profiling', topicId: 'kids' } } },
      title,
    );
    expect(text.en).toBe('Objection raised to profiling for Topic kids (Art. 21)');
    expect(text.de).toBe('Widerspruch gegen Profiling für Topic kids eingelegt (Art. 21)');
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
