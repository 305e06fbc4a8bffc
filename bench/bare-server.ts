// The yardstick: a bare Fastify route in its own process, served exactly like the api (same host, same
// load, same client), answering a small JSON body without touching any database.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ status: 'in_transit', trackingNumber: '1Z999AA10123456784' }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT ?? 3001) });
