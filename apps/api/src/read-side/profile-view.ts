import { Inject, Injectable } from '@nestjs/common';
import { effectiveConsentStatus } from '#domain';
import { APP_CONFIG, SUBJECT_CRYPTO, type AppConfig } from '#runtime';
import type { SubjectCrypto } from '#crypto';
import type { ProfileConsent, SubjectProfileDocument, TopicReadView } from '#projections';
import type { Role } from '../auth';
import { childConsentView } from './child-consent-view';

/** What a role may see of a profile (Art. 5(1)(c), 25): the edge is the only place with clear text. */
export type ProfileAudience = 'personal' | 'redacted' | 'consents';

const REDACTED = { redacted: true } as const;

export function audienceOf(roles: readonly Role[]): ProfileAudience {
  if (roles.some((role) => role === 'crm' || role === 'dpo' || role === 'admin')) return 'personal';
  return roles.includes('auditor') ? 'redacted' : 'consents';
}

/**
 * Turns a stored profile into the response: personal fields decrypted (crm, dpo, admin; erased ones
 * read `{erased:true}`), replaced by `{redacted:true}` (auditor), or left out (journey: consents,
 * objections and blocks only). Consent states are the effective ones at `now`.
 */
@Injectable()
export class ProfileView {
  constructor(
    @Inject(SUBJECT_CRYPTO) private readonly crypto: SubjectCrypto,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async present(
    doc: SubjectProfileDocument,
    topics: ReadonlyMap<string, TopicReadView>,
    audience: ProfileAudience,
    now: string,
  ) {
    const reveal = (value: string | undefined) => this.reveal(doc.subjectId, value, audience);
    const consents = doc.consents.map((consent) => consentView(consent, topics.get(consent.scope.topicId), now));
    const objections = await Promise.all(
      doc.objections.map(async ({ key: _key, reason, ...o }) => ({
        ...o,
        ...(await optional('reason', reason, reveal)),
      })),
    );
    const blocks = await Promise.all(
      doc.blocks.map(async ({ reason, ...b }) => ({ ...b, ...(await optional('reason', reason, reveal)) })),
    );
    const base = {
      subjectId: doc.subjectId,
      erased: doc.erased === true,
      registeredAt: doc.registeredAt,
      updatedAt: doc.updatedAt,
      consents,
      objections,
      blocks,
    };
    if (audience === 'consents') return base;
    const personal = await this.personal(doc, reveal);
    const held = await holds(doc, reveal, now);
    if (audience === 'redacted') return { ...base, locale: doc.locale, ...personal, ...held };
    const childConsent = childConsentView(personal.profile, this.config.domain.ageOfDigitalConsent, now);
    return { ...base, locale: doc.locale, ...personal, ...held, childConsent };
  }

  /** A short form for lookups: who it is and where to reach them. */
  async summary(doc: SubjectProfileDocument, audience: ProfileAudience) {
    const reveal = (value: string | undefined) => this.reveal(doc.subjectId, value, audience);
    const { contactPoints, profile, externalIds } = await this.personal(doc, reveal);
    return {
      subjectId: doc.subjectId,
      locale: doc.locale,
      registeredAt: doc.registeredAt,
      updatedAt: doc.updatedAt,
      contactPoints,
      profile,
      externalIds,
    };
  }

  private async personal(doc: SubjectProfileDocument, reveal: (value: string | undefined) => Promise<unknown>) {
    const contactPoints = await Promise.all(
      doc.contactPoints.map(async (point) => {
        const { contactPointId, channel, status, eventId } = point;
        return {
          contactPointId,
          channel,
          status,
          eventId,
          ...(point.status === 'active' ? { address: await reveal(point.address) } : {}),
        };
      }),
    );
    const entries = await Promise.all(
      Object.entries(doc.profile).map(async ([field, value]) => [field, await reveal(value)] as const),
    );
    const externalIds = await Promise.all(
      doc.externalIds.map(async ({ system, id, eventId }) => ({ system, id: await reveal(id), eventId })),
    );
    return { contactPoints, profile: Object.fromEntries(entries), externalIds, doubleOptIns: doc.doubleOptIns };
  }

  private async reveal(subjectId: string, value: string | undefined, audience: ProfileAudience): Promise<unknown> {
    if (value === undefined) return undefined;
    if (audience !== 'personal') return REDACTED;
    return this.crypto.decryptOrErased(subjectId, value);
  }
}

async function optional(
  field: string,
  value: string | undefined,
  reveal: (value: string | undefined) => Promise<unknown>,
) {
  return value === undefined ? {} : { [field]: await reveal(value) };
}

/**
 * Art. 17(3): the holds in place and, while its hold still applies, the erasure it deferred, so the
 * subject's page says why the person is still here.
 */
async function holds(
  doc: SubjectProfileDocument,
  reveal: (value: string | undefined) => Promise<unknown>,
  now: string,
) {
  const applies = (hold: { until: string }) => Date.parse(hold.until) > Date.parse(now);
  const legalHolds = await Promise.all(
    doc.legalHolds
      .filter(applies)
      .map(async ({ reason, ...hold }) => ({ ...hold, ...(await optional('reason', reason, reveal)) })),
  );
  const deferral = doc.erasureDeferral;
  const deferredBy = deferral && legalHolds.find((hold) => hold.holdId === deferral.holdId);
  return { legalHolds, ...(deferral && deferredBy && !doc.erased ? { erasureDeferral: deferral } : {}) };
}

/** One matrix cell as clients read it: the effective status at `now` beside what was recorded. */
function consentView(consent: ProfileConsent, topic: TopicReadView | undefined, now: string) {
  const { scope, eventId, grantEventId } = consent;
  const grant = consent.status === 'granted' || consent.status === 'revoked' ? consent.grant : undefined;
  return {
    ...scope,
    status: topic ? effectiveConsentStatus(consent, topic, now) : consent.status,
    recordedStatus: consent.status,
    ...(grant
      ? {
          textVersion: grant.evidence.textVersion,
          method: grant.evidence.method,
          grantedAt: grant.grantedAt,
          evidence: grant.evidence,
        }
      : {}),
    ...(grant?.expiresAt ? { expiresAt: grant.expiresAt } : {}),
    ...(consent.status === 'revoked' ? { revokedAt: consent.revokedAt } : {}),
    ...(consent.status === 'pending-double-opt-in'
      ? { requestId: consent.requestId, expiresAt: consent.expiresAt }
      : {}),
    ...(consent.status === 'expired' ? { requestId: consent.requestId, expiredAt: consent.expiredAt } : {}),
    eventId,
    ...(grantEventId ? { grantEventId } : {}),
  };
}
