import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LightMyRequestResponse } from 'fastify';

export const PHONE_AGENT = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) Mobile';

/** A browser on the Privacy Center: keeps the session cookie and the CSRF token the session answered. */
export class PrivacyCenterClient {
  cookie?: string;
  csrfToken?: string;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly headers: Record<string, string> = { 'user-agent': PHONE_AGENT },
  ) {}

  async open(token: string, kind: 'link' | 'signin'): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method: 'POST',
      url: '/privacy-center/session',
      payload: { token, kind },
      headers: this.headers,
    });
    if (res.statusCode === 200) {
      this.cookie = cookieOf(res);
      this.csrfToken = res.json().csrfToken;
    }
    return res;
  }

  get(url: string): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'GET', url, headers: this.sessionHeaders() });
  }

  post(url: string, payload: object, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const csrf = this.csrfToken === undefined ? {} : { 'x-csrf-token': this.csrfToken };
    return this.app.inject({ method: 'POST', url, payload, headers: { ...this.sessionHeaders(), ...csrf, ...extra } });
  }

  delete(url: string, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const csrf = this.csrfToken === undefined ? {} : { 'x-csrf-token': this.csrfToken };
    return this.app.inject({ method: 'DELETE', url, headers: { ...this.sessionHeaders(), ...csrf, ...extra } });
  }

  private sessionHeaders(): Record<string, string> {
    return this.cookie === undefined ? this.headers : { ...this.headers, cookie: this.cookie };
  }
}

/** `name=value` of the answer's Set-Cookie, as a browser sends it back. */
export function cookieOf(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const first = Array.isArray(header) ? header[0] : header;
  return String(first).split(';')[0]!;
}

/** The token in a link's fragment (`#link=` or `#signin=`). */
export function fragmentToken(url: string, kind: 'link' | 'signin'): string {
  return new URL(url).hash.slice(`#${kind}=`.length);
}
