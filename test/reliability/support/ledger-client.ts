/** A small HTTP client for the reliability tests: the calls a CRM makes, over a real socket. */
export interface Answer {
  status: number;
  body: { events?: Array<{ id: string; type: string }>; subjectId?: string; code?: string } & Record<string, unknown>;
}

export class LedgerClient {
  constructor(
    readonly baseUrl: string,
    private readonly key: string,
  ) {}

  async send(method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.key}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : {} };
  }

  async defineTopic(id: string): Promise<void> {
    const topic = {
      id,
      title: id,
      description: 'reliability topic',
      allowedChannels: ['email', 'sms'],
      legalBasis: 'consent',
      personalFields: [],
      retentionDays: 730,
    };
    expectStatus(await this.send('POST', '/topics', topic), 201);
    expectStatus(
      await this.send('POST', `/topics/${id}/versions`, { text: `Yes to ${id}.`, language: 'en', change: 'material' }),
      201,
    );
  }

  async register(address: string): Promise<string> {
    const answer = await this.send('POST', '/subjects', {
      locale: 'de-DE',
      contactPoints: [{ channel: 'email', address }],
    });
    expectStatus(answer, 201);
    return answer.body.subjectId!;
  }
}

export function grantBody(topicId: string, channel = 'email') {
  return {
    topicId,
    channel,
    evidence: {
      method: 'checkbox',
      capturedAt: new Date().toISOString(),
      sourceSystem: 'reliability',
      textVersion: 1,
      affirmativeAction: true,
    },
  };
}

function expectStatus(answer: Answer, status: number): void {
  if (answer.status !== status)
    throw new Error(`expected ${status}, got ${answer.status}: ${JSON.stringify(answer.body)}`);
}
