/*
 * The HTTP limit: a bare Fastify route answering a contactability-sized JSON from memory, no
 * auth, no validation, no store. Run like the api child; prints `listening <port>`.
 */
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/subjects/:id/contactability', async (request) => ({
  subjectId: (request.params as { id: string }).id,
  topicId: 'bench-t0',
  channel: 'email',
  legalBasis: 'consent',
  contactable: true,
  reasons: [],
}));
app.listen({ host: '127.0.0.1', port: 0 }).then(() => {
  const address = app.server.address() as { port: number };
  process.stdout.write(`listening ${address.port}\n`);
});
