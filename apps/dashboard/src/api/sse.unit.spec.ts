import { createSseParser, type SseEvent } from './sse';

/** The dashboard's SSE parser: Nest writes `event:`, `id:` and `data:` lines, in chunks of any size. */
describe('createSseParser', () => {
  const collect = () => {
    const events: SseEvent[] = [];
    return { events, push: createSseParser((event) => events.push(event)) };
  };

  it('emits a frame only once its blank line has arrived, however the chunks are cut', () => {
    const { events, push } = collect();
    const frame = 'event: stats\nid: 7\ndata: {"position":7}\n\n';
    for (const char of frame.slice(0, -1)) push(char);
    expect(events).toEqual([]);
    push('\n');
    expect(events).toEqual([{ event: 'stats', id: '7', data: '{"position":7}' }]);
  });

  it('joins multi-line data, defaults the event name and skips comments and empty frames', () => {
    const { events, push } = collect();
    push(': keep-alive\n\ndata: a\ndata: b\n\nevent: heartbeat\r\ndata: {}\r\n\r\n');
    expect(events).toEqual([
      { event: 'message', data: 'a\nb' },
      { event: 'heartbeat', data: '{}' },
    ]);
  });
});
