import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Role } from '../../../apps/api/src/auth/roles';
import { bearer } from './boot';
import type { Exchange } from './openapi-validator';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface CallOptions {
  role?: Role;
  body?: object | string;
  contentType?: string;
  headers?: Record<string, string>;
}

/** Calls the real app and keeps every answer for the contract check. */
export class RecordingClient {
  readonly exchanges: Exchange[] = [];
  position = 0;
  /** `name=value` of the last Set-Cookie answered (the Privacy Center's session). */
  cookie?: string;

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly keys: Record<Role, string>,
  ) {}

  async call(method: Method, url: string, options: CallOptions = {}): Promise<{ status: number; json: () => any }> {
    const headers = {
      ...(options.role ? bearer(this.keys[options.role]) : {}),
      ...(options.contentType ? { 'content-type': options.contentType } : {}),
      ...options.headers,
    };
    const response = await this.app.inject({ method, url, headers, payload: options.body as never });
    const contentType = String(response.headers['content-type'] ?? '');
    const setCookie = response.headers['set-cookie'];
    if (setCookie !== undefined) this.cookie = String([setCookie].flat()[0]).split(';')[0];
    this.exchanges.push({ method, url, status: response.statusCode, contentType, body: response.body });
    const json = () => JSON.parse(response.body);
    if (contentType.startsWith('application/json') && typeof json().position === 'number')
      this.position = Math.max(this.position, json().position);
    return { status: response.statusCode, json };
  }

  /** A call that must answer `status`; its JSON body. */
  async expect(status: number, method: Method, url: string, options: CallOptions = {}): Promise<any> {
    const response = await this.call(method, url, options);
    if (response.status !== status)
      throw new Error(
        `${method} ${url}: expected ${status}, got ${response.status}: ${JSON.stringify(this.exchanges.at(-1)?.body)}`,
      );
    return status === 204 || !this.exchanges.at(-1)!.contentType.startsWith('application/json')
      ? undefined
      : response.json();
  }

  /** A query that waits for every write so far (X-Min-Position). */
  read(url: string, role: Role, status = 200): Promise<any> {
    return this.expect(status, 'GET', url, { role, headers: { 'x-min-position': String(this.position) } });
  }
}

export const EVIDENCE = () => ({
  method: 'checkbox',
  capturedAt: new Date(Date.now() - 60_000).toISOString(),
  sourceSystem: 'shop',
  textVersion: 1,
  affirmativeAction: true,
});
