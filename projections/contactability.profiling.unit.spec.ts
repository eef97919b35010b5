import { decideContactability } from './contactability';
import { answerContactability } from './contactability.check';
import { declaredTopic, profileOf } from './contactability.fixtures';
import { decideProfiling } from './contactability.profiling';
import { NOW, SUBJECT } from './projection.fixtures';
import { granted, objection, registered } from './subject-profile.fixtures';
import type { SubjectProfileDocument } from './subject-profile.document';

const profiling = declaredTopic({ profiling: true });
const decide = (profile: SubjectProfileDocument, topic = profiling) =>
  decideProfiling(profile, topic, decideContactability(profile, topic, 'email', undefined, NOW));

describe('decideProfiling (Art. 21(2))', () => {
  it('allows profiling for a contactable subject on a topic that declares it', () => {
    expect(decide(profileOf(registered(), granted()))).toEqual({ profilingAllowed: true, profilingReasons: [] });
  });

  it('denies profiling on a topic that does not declare it, citing the definition', () => {
    const topic = declaredTopic({});
    expect(decide(profileOf(registered(), granted()), topic)).toEqual({
      profilingAllowed: false,
      profilingReasons: [{ code: 'TOPIC.NO_PROFILING', eventIds: [topic.proof.defined] }],
    });
  });

  it('an objection to profiling, everywhere or for this topic, denies profiling but not the contact', () => {
    for (const scope of [{ kind: 'profiling' }, { kind: 'profiling', topicId: 'newsletter' }]) {
      const raised = objection(scope);
      const profile = profileOf(registered(), granted(), raised);
      expect(decideContactability(profile, profiling, 'email', undefined, NOW).allowed).toBe(true);
      expect(decide(profile)).toEqual({
        profilingAllowed: false,
        profilingReasons: [{ code: 'OBJECTION.PROFILING', eventIds: [raised.id] }],
      });
    }
  });

  it('an objection to profiling for another topic changes nothing here', () => {
    const profile = profileOf(registered(), granted(), objection({ kind: 'profiling', topicId: 'surveys' }));
    expect(decide(profile).profilingAllowed).toBe(true);
  });

  it('a subject who may not be contacted is not profiled, for the contact reasons (Art. 21(3))', () => {
    const raised = objection({ kind: 'direct_marketing' });
    expect(decide(profileOf(registered(), granted(), raised))).toEqual({
      profilingAllowed: false,
      profilingReasons: [{ code: 'OBJECTION.DIRECT_MARKETING', eventIds: [raised.id] }],
    });
  });

  it('the answer to a check carries both decisions; an unknown subject is denied both', () => {
    const check = { subjectId: SUBJECT, topicId: 'newsletter', channel: 'email' };
    expect(answerContactability({ profile: profileOf(registered(), granted()), topic: profiling }, check, NOW)).toEqual(
      {
        allowed: true,
        reasons: [],
        contactPointIds: ['cp-mail'],
        profilingAllowed: true,
        profilingReasons: [],
      },
    );
    expect(answerContactability({ profile: undefined, topic: profiling }, check, NOW)).toMatchObject({
      profilingAllowed: false,
      profilingReasons: [{ code: 'SUBJECT.UNKNOWN', eventIds: [] }],
    });
  });
});
