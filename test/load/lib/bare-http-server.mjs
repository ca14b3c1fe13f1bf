// The HTTP floor with no framework: the same Fastify the API runs on, in its own process, with one
// route that parses the intake body and refuses it with a small JSON 400 — what an intake call costs
// this machine before any application code (routing, guard, validation, logging) or database work.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.post('/api/intake/calls', async (req, reply) => {
  const receivedAt = req.body?.receivedAt;
  if (typeof receivedAt !== 'string' || Number.isNaN(Date.parse(receivedAt))) {
    reply.code(400);
    return { code: 'VALIDATION_FAILED', message: 'invalid request: receivedAt', fields: { receivedAt: 'must be an ISO 8601 time' } };
  }
  return { ok: true };
});
await app.listen({ host: '127.0.0.1', port: 0 });
process.send({ type: 'listening', port: app.server.address().port });
process.on('disconnect', () => process.exit(0));
