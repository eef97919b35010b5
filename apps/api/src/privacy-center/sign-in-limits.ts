import { Inject, Injectable } from '@nestjs/common';
import { getStorageToken, normalizeIp, seconds, type ThrottlerStorage } from '@nestjs/throttler';
import { normaliseEmail } from '#crypto';
import { APP_CONFIG, hmacBase64url, JourneyKeys, type AppConfig } from '#runtime';
import { RATE_LIMITED } from '../auth/public-rate-limits';
import { edgeRefusal } from '../http/edge-refusals';

const THROTTLER = 'privacyCenterSignIn';

/**
 * Sign-in requests per client IP and per address (PRIVACY_CENTER_SIGN_IN_*): nobody can flood an
 * inbox or probe many addresses. The address counts under a keyed hash, so the throttler's storage
 * holds no address; a known and an unknown address count alike.
 */
@Injectable()
export class SignInLimits {
  constructor(
    @Inject(getStorageToken()) private readonly storage: ThrottlerStorage,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keys: JourneyKeys,
  ) {}

  async count(ip: string, email: string): Promise<void> {
    const { signInPerIp, signInPerAddress, signInWindowSeconds } = this.config.privacyCenter;
    const address = hmacBase64url(this.keys.privacyCenter.session, `address:${comparable(email)}`);
    await this.countAgainst(`pc-sign-in:ip:${normalizeIp(ip)}`, signInPerIp, signInWindowSeconds);
    await this.countAgainst(`pc-sign-in:address:${address}`, signInPerAddress, signInWindowSeconds);
  }

  private async countAgainst(key: string, limit: number, windowSeconds: number): Promise<void> {
    const ttl = seconds(windowSeconds);
    const { isBlocked, timeToBlockExpire } = await this.storage.increment(key, ttl, limit, ttl, THROTTLER);
    if (!isBlocked) return;
    const retry = String(timeToBlockExpire);
    throw edgeRefusal(RATE_LIMITED, `Too many sign-in requests; retry in ${retry} s`, { 'Retry-After': retry });
  }
}

/** The form the blind index compares; what it cannot normalise counts as typed (lower case). */
function comparable(email: string): string {
  try {
    return normaliseEmail(email);
  } catch {
    return email.trim().toLowerCase();
  }
}
