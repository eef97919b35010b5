import type { ServerResponse } from 'node:http';

/**
 * One Server-Sent Events response on the raw socket. `send` resolves once the frame is buffered
 * by the kernel (or the client left), so a slow client slows the subscription feeding it
 * instead of growing this process's memory: the event store hands over the next batch only then.
 */
export class SseStream {
  private closed = false;

  constructor(private readonly raw: ServerResponse) {
    raw.on('close', () => {
      this.closed = true;
    });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  open(retryMs: number): void {
    this.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    this.raw.write(`retry: ${retryMs}\n\n`);
  }

  /** `id:` is the global position, `event:` the integration type, `data:` one line of JSON (a structured CloudEvent on the feed). */
  send(id: number, event: string, data: unknown): Promise<void> {
    return this.write(`id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  }

  /** A comment line: keeps proxies and load balancers from closing an idle stream. */
  heartbeat(): void {
    if (!this.closed) this.raw.write(': heartbeat\n\n');
  }

  end(): void {
    if (!this.closed) this.raw.end();
  }

  private write(frame: string): Promise<void> {
    if (this.closed || this.raw.write(frame)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        this.raw.off('drain', done);
        this.raw.off('close', done);
        resolve();
      };
      this.raw.on('drain', done);
      this.raw.on('close', done);
    });
  }
}
