// The yardstick: bare Fastify routes in their own process, served exactly like the api (same host, same
// load, same client): a small JSON answer without touching any database, and a POST that parses the same
// body a webhook carries and answers like the intake does.
import Fastify from 'fastify';

const app = Fastify({ logger: false, bodyLimit: 2 * 1024 * 1024 });
app.get('/bare', async () => ({ status: 'in_transit', trackingNumber: '1Z999AA10123456784' }));
app.post('/bare', async () => ({ received: true, duplicate: false }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3001) });
