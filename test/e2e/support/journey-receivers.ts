import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CloudEvent, HTTP } from 'cloudevents';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';

export interface Delivery {
  /** `webhook-id`: the event id, the same on every retry. */
  eventId: string;
  attempt: number;
  /** Verified by `standardwebhooks` with one of the secrets the receiver held. */
  signed: boolean;
  /** Which of the held secrets verify it on their own. */
  verifiedWith: string[];
  headers: Record<string, string>;
  raw: string;
  /** The W3C Trace Context header, when the sender traced the delivery. */
  traceparent?: string;
  /** The body parsed by the cloudevents SDK (structured mode). */
  event: CloudEvent<Delivery['body']>;
  /** The CloudEvent's `data`: the integration event. */
  body: { id: string; type: string; position: number; subjectId?: string; anchor?: unknown };
}

function verifies(secret: string, raw: string, headers: Record<string, string>): boolean {
  try {
    new Webhook(secret).verify(raw, headers);
    return true;
  } catch {
    return false;
  }
}

/** Undefined for a body the SDK does not accept as a CloudEvent (the receiver answers 400). */
function parseCloudEvent(headers: Record<string, string>, raw: string): CloudEvent<Delivery['body']> | undefined {
  try {
    return HTTP.toEvent({ headers, body: raw }) as CloudEvent<Delivery['body']>;
  } catch {
    return undefined;
  }
}

/**
 * A webhook receiver on 127.0.0.1 as an integrator writes one: it verifies with the standardwebhooks
 * package, parses with the cloudevents SDK and fails while `failFirst` says so. `secrets` is what it
 * holds now (the test may change it, e.g. during a rotation).
 */
export async function startReceiver(
  secrets: string | string[],
  failFirst: (eventId: string, attempt: number) => boolean,
): Promise<{ url: string; deliveries: Delivery[]; close: () => Promise<void> }> {
  const held = typeof secrets === 'string' ? [secrets] : secrets;
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const headers = req.headers as Record<string, string>;
      const verifiedWith = held.filter((secret) => verifies(secret, raw, headers));
      const event = parseCloudEvent(headers, raw);
      if (event === undefined) return void res.writeHead(400).end();
      const eventId = headers['webhook-id']!;
      const attempt = Number(headers['x-ledger-delivery-attempt']);
      const signed = verifiedWith.length > 0;
      const traceparent = headers.traceparent;
      deliveries.push({
        eventId,
        attempt,
        signed,
        verifiedWith,
        headers,
        raw,
        event,
        body: event.data!,
        ...(traceparent ? { traceparent } : {}),
      });
      res.statusCode = !signed ? 401 : failFirst(eventId, attempt) ? 500 : 204;
      res.end();
    });
  });
  await listen(server);
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    deliveries,
    close: () => closeServer(server),
  };
}

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback (port 0) collecting every message. */
/** `hold(raw)` true: the message is kept but never acknowledged (the sender sees no 250). */
export async function startSmtp(
  hold: (raw: string) => boolean = () => false,
): Promise<{ url: string; mails: ReceivedMail[]; server: SMTPServer; close: () => Promise<void> }> {
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        if (!hold(raw)) callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    server,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads an SSE response with node's http client, frame by frame. */
export function openFeed(
  url: string,
  headers: Record<string, string>,
): Promise<{ response: IncomingMessage; frames: SseFrame[]; comments: number; close: () => void }> {
  return new Promise((resolve, reject) => {
    const request = get(url, { headers: { accept: 'text/event-stream', ...headers } }, (response) => {
      const state = { response, frames: [] as SseFrame[], comments: 0, close: () => request.destroy() };
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.startsWith(':')) state.comments++;
          const frame: SseFrame = {};
          for (const line of block.split('\n')) {
            const [field, ...rest] = line.split(': ');
            if (field === 'id' || field === 'event' || field === 'data') frame[field] = rest.join(': ');
          }
          if (frame.event) state.frames.push(frame);
        }
      });
      response.on('error', () => undefined);
      resolve(state);
    });
    request.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error),
    );
  });
}

export async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function listen(server: Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
