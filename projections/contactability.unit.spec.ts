import { decideContactability } from './contactability';
import { materialTextV2, profileOf, topicOf } from './contactability.fixtures';
import { LATER, NOW, subjectEvent, T1, T2, topicEvent } from './projection.fixtures';
import { blockSet, doiRequested, granted, objection, registered, revoked } from './subject-profile.fixtures';
import type { SubjectProfileDocument } from './subject-profile.document';

const check = (profile: SubjectProfileDocument, topic = topicOf(), channel = 'email', contactPointId?: string) =>
  decideContactability(profile, topic, channel, contactPointId, NOW);

const codes = (profile: SubjectProfileDocument, topic = topicOf(), channel = 'email', contactPointId?: string) =>
  check(profile, topic, channel, contactPointId).reasons.map((r) => r.code);

describe('decideContactability', () => {
  describe('legal basis consent (Art. 6(1)(a))', () => {
    it('allows with a current grant and names the usable address', () => {
      expect(check(profileOf(registered(), granted()))).toEqual({
        allowed: true,
        reasons: [],
        contactPointIds: ['cp-mail'],
      });
    });

    it('denies when never asked', () => {
      expect(check(profileOf(registered()))).toEqual({
        allowed: false,
        reasons: [{ code: 'CONSENT.NEVER_ASKED', eventIds: [] }],
        contactPointIds: [],
      });
    });

    it('denies a revoked consent, citing the revocation and the grant', () => {
      const grant = granted();
      const revoke = revoked({ revokedAt: T2 });
      expect(check(profileOf(registered(), grant, revoke)).reasons).toEqual([
        { code: 'CONSENT.REVOKED', eventIds: [revoke.id, grant.id] },
      ]);
    });

    it('denies an expired grant', () => {
      const grant = granted({ expiresAt: T2 });
      expect(check(profileOf(registered(), grant)).reasons).toEqual([
        { code: 'CONSENT.EXPIRED', eventIds: [grant.id] },
      ]);
    });

    it('denies a double opt-in that lapsed', () => {
      const expired = subjectEvent('DoubleOptInExpired', { requestId: 'doi-1', expiredAt: T2 });
      expect(check(profileOf(registered(), doiRequested(), expired)).reasons).toEqual([
        { code: 'CONSENT.EXPIRED', eventIds: [expired.id] },
      ]);
    });

    it('denies while a double opt-in is pending', () => {
      const request = doiRequested({ expiresAt: LATER });
      expect(check(profileOf(registered(), request)).reasons).toEqual([
        { code: 'CONSENT.DOUBLE_OPT_IN_PENDING', eventIds: [request.id] },
      ]);
    });

    it('requires reconsent for a grant under a text older than the current material version', () => {
      const grant = granted();
      const v2 = materialTextV2();
      expect(check(profileOf(registered(), grant), topicOf('consent', v2)).reasons).toEqual([
        { code: 'CONSENT.RECONSENT_REQUIRED', eventIds: [grant.id, v2.id] },
      ]);
    });

    it('lets an address-specific revocation override a channel-wide grant', () => {
      const profile = profileOf(
        registered(),
        granted(),
        granted({ contactPointId: 'cp-mail' }),
        revoked({ contactPointId: 'cp-mail' }),
      );
      expect(codes(profile)).toEqual(['CONSENT.REVOKED']);
    });
  });

  describe.each(['legitimate_interest', 'contract'])('legal basis %s (Art. 6(1)(b), (f))', (basis) => {
    it('allows without any consent', () => {
      expect(check(profileOf(registered()), topicOf(basis)).allowed).toBe(true);
    });

    it('denies after an objection to the topic', () => {
      expect(
        codes(profileOf(registered(), objection({ kind: 'topic', topicId: 'newsletter' })), topicOf(basis)),
      ).toEqual(['OBJECTION.TOPIC']);
    });

    it('denies after a block', () => {
      expect(codes(profileOf(registered(), blockSet({ kind: 'global' })), topicOf(basis))).toEqual(['BLOCK.GLOBAL']);
    });
  });

  describe('blocks and objections win over a grant', () => {
    it.each([
      [{ kind: 'global' }, 'BLOCK.GLOBAL'],
      [{ kind: 'channel', channel: 'email' }, 'BLOCK.CHANNEL'],
      [{ kind: 'topic', topicId: 'newsletter' }, 'BLOCK.TOPIC'],
      [{ kind: 'contact_point', contactPointId: 'cp-mail' }, 'BLOCK.CONTACT_POINT'],
    ])('block %j denies with %s and its event', (scope, code) => {
      const block = blockSet(scope);
      expect(check(profileOf(registered(), granted(), block)).reasons).toEqual([{ code, eventIds: [block.id] }]);
    });

    it('a block on another channel, topic or address does not deny', () => {
      const profile = profileOf(
        registered(),
        granted(),
        blockSet({ kind: 'channel', channel: 'sms' }, 'b1'),
        blockSet({ kind: 'topic', topicId: 'events' }, 'b2'),
        blockSet({ kind: 'contact_point', contactPointId: 'cp-x' }, 'b3'),
      );
      expect(check(profile).allowed).toBe(true);
    });

    it('a lifted block no longer denies', () => {
      expect(
        check(
          profileOf(
            registered(),
            granted(),
            blockSet({ kind: 'global' }),
            subjectEvent('ContactBlockLifted', { blockId: 'b-1', liftedAt: T2 }),
          ),
        ).allowed,
      ).toBe(true);
    });

    it.each([
      [{ kind: 'direct_marketing' }, 'OBJECTION.DIRECT_MARKETING'],
      [{ kind: 'topic', topicId: 'newsletter' }, 'OBJECTION.TOPIC'],
      [{ kind: 'channel', channel: 'email' }, 'OBJECTION.CHANNEL'],
    ])('objection %j denies with %s (Art. 21)', (scope, code) => {
      const raised = objection(scope);
      expect(check(profileOf(registered(), granted(), raised)).reasons).toEqual([{ code, eventIds: [raised.id] }]);
    });

    it('lists every denying reason, not just the first', () => {
      const profile = profileOf(
        registered(),
        blockSet({ kind: 'global' }, 'b1'),
        blockSet({ kind: 'channel', channel: 'email' }, 'b2'),
        objection({ kind: 'direct_marketing' }),
      );
      expect(codes(profile)).toEqual([
        'BLOCK.GLOBAL',
        'BLOCK.CHANNEL',
        'OBJECTION.DIRECT_MARKETING',
        'CONSENT.NEVER_ASKED',
      ]);
    });
  });

  describe('subject, topic and address', () => {
    it('denies an erased subject', () => {
      const erased = subjectEvent('SubjectErased', { cause: 'retention', erasedAt: T2 });
      const reasons = check(profileOf(registered(), granted(), erased)).reasons;
      expect(reasons[0]).toEqual({ code: 'SUBJECT.ERASED', eventIds: [erased.id] });
    });

    it('denies a retired topic', () => {
      const retired = topicEvent('newsletter', 'TopicRetired', { retiredAt: T1 });
      expect(check(profileOf(registered(), granted()), topicOf('consent', retired)).reasons).toEqual([
        { code: 'TOPIC.RETIRED', eventIds: [retired.id] },
      ]);
    });

    it('denies a channel the topic does not allow', () => {
      const profile = profileOf(
        registered(),
        subjectEvent('ContactPointAdded', {
          contactPointId: 'cp-post',
          channel: 'post',
          address: 'enc:x',
          addedAt: T1,
        }),
      );
      expect(codes(profile, topicOf('legitimate_interest'), 'post')).toEqual(['TOPIC.CHANNEL_NOT_ALLOWED']);
    });

    it('denies without an address on the channel', () => {
      expect(codes(profileOf(registered()), topicOf('legitimate_interest'), 'sms')).toEqual([
        'CONTACT_POINT.NONE_ON_CHANNEL',
      ]);
    });

    it('denies an unknown, a removed and a wrong-channel address', () => {
      const removed = subjectEvent('ContactPointRemoved', { contactPointId: 'cp-mail', removedAt: T2 });
      const topic = topicOf('legitimate_interest');
      expect(codes(profileOf(registered()), topic, 'email', 'cp-nope')).toEqual(['CONTACT_POINT.UNKNOWN']);
      expect(check(profileOf(registered(), removed), topic, 'email', 'cp-mail').reasons).toEqual([
        { code: 'CONTACT_POINT.REMOVED', eventIds: [removed.id] },
      ]);
      expect(codes(profileOf(registered()), topic, 'sms', 'cp-mail')).toEqual(['CONTACT_POINT.CHANNEL_MISMATCH']);
    });

    it('without an address named, allows when one address on the channel is usable', () => {
      const second = subjectEvent('ContactPointAdded', {
        contactPointId: 'cp-work',
        channel: 'email',
        address: 'enc:y',
        addedAt: T1,
      });
      const profile = profileOf(
        registered(),
        second,
        granted(),
        blockSet({ kind: 'contact_point', contactPointId: 'cp-mail' }),
      );
      expect(check(profile)).toEqual({ allowed: true, reasons: [], contactPointIds: ['cp-work'] });
      expect(codes(profile, topicOf(), 'email', 'cp-mail')).toEqual(['BLOCK.CONTACT_POINT']);
    });
  });
});
