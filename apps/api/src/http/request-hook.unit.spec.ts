import Fastify from 'fastify';
import { firstSegment } from '../dashboard/dashboard-fallback';
import { onRequestWhen } from './request-hook';

async function appWith(hook: Parameters<typeof onRequestWhen>[1]) {
  const app = Fastify();
  const ran: string[] = [];
  const applies = (request: { url: string }) => request.url.startsWith('/hooked');
  app.addHook(
    'onRequest',
    onRequestWhen(applies, (request, reply) => (ran.push(request.url), hook(request, reply))),
  );
  app.get('/*', async (request) => ({ route: request.url }));
  await app.ready();
  return { app, ran };
}

describe('onRequestWhen', () => {
  it('lets the requests it does not pick through without running the hook', async () => {
    const { app, ran } = await appWith(async () => undefined);
    expect((await app.inject('/plain')).json()).toEqual({ route: '/plain' });
    expect(ran).toEqual([]);
    await app.close();
  });

  it('runs the hook for the requests it picks, which go on to the route unless it answered', async () => {
    const { app, ran } = await appWith(async (request, reply) => {
      if (request.url === '/hooked/stop') return reply.status(429).send({ stopped: true });
    });
    expect((await app.inject('/hooked/go')).json()).toEqual({ route: '/hooked/go' });
    const stopped = await app.inject('/hooked/stop');
    expect([stopped.statusCode, stopped.json()]).toEqual([429, { stopped: true }]);
    expect(ran).toEqual(['/hooked/go', '/hooked/stop']);
    await app.close();
  });

  it('hands a failing hook to Fastify as an error', async () => {
    const { app } = await appWith(async () => {
      throw Object.assign(new Error('no'), { statusCode: 418 });
    });
    expect((await app.inject('/hooked')).statusCode).toBe(418);
    await app.close();
  });
});

describe('firstSegment', () => {
  it.each([
    ['/subjects/1/history', 'subjects'],
    ['//privacy-center//x', 'privacy-center'],
    ['/privacy-center?x=/y', 'privacy-center'],
    ['/?a=b', ''],
    ['/', ''],
    ['', ''],
    ['overview', 'overview'],
  ])('%s -> %s', (url, segment) => expect(firstSegment(url)).toBe(segment));
});
