import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { verifyDelivery } from '#application';

export interface Delivery {
  eventId: string;
  attempt: number;
  signed: boolean;
  /** The W3C Trace Context header, when the sender traced the delivery. */
  traceparent?: string;
  body: { id: string; type: string; position: number; subjectId?: string; anchor?: unknown };
}

/** A webhook receiver on 127.0.0.1 that verifies signatures and fails while `failures()` says so. */
export async function startReceiver(secret: string, failFirst: (eventId: string, attempt: number) => boolean): Promise<{ url: string; deliveries: Delivery[]; close: () => Promise<void> }> {
  const deliveries: Delivery[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => {
      const eventId = String(req.headers['x-ledger-event-id']);
      const attempt = Number(req.headers['x-ledger-delivery-attempt']);
      const signed = verifyDelivery(secret, raw, req.headers['x-ledger-signature'] as string, Math.floor(Date.now() / 1000));
      const traceparent = req.headers.traceparent as string | undefined;
      deliveries.push({ eventId, attempt, signed, body: JSON.parse(raw), ...(traceparent ? { traceparent } : {}) });
      res.statusCode = !signed ? 401 : failFirst(eventId, attempt) ? 500 : 204;
      res.end();
    });
  });
  await listen(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, deliveries, close: () => closeServer(server) };
}

export interface ReceivedMail {
  to: string[];
  raw: string;
}

/** A real SMTP server on loopback (port 0) collecting every message. */
/** `hold(raw)` true: the message is kept but never acknowledged (the sender sees no 250). */
export async function startSmtp(hold: (raw: string) => boolean = () => false): Promise<{ url: string; mails: ReceivedMail[]; server: SMTPServer; close: () => Promise<void> }> {
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
  return { url: `smtp://127.0.0.1:${port}`, mails, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface SseFrame {
  id?: string;
  event?: string;
  data?: string;
}

/** Reads an SSE response with node's http client, frame by frame. */
export function openFeed(url: string, headers: Record<string, string>): Promise<{ response: IncomingMessage; frames: SseFrame[]; comments: number; close: () => void }> {
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
    request.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(error)));
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
