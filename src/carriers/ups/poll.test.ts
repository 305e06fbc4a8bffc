import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { type CarrierAnswer, CarrierRateLimited, CarrierUnavailable } from '../../polling/client.js';
import { adapter } from './index.js';
import { bearerOf, CarrierStub, json } from './poll-test-server.js';

const NUMBER = '1Z023E2X0214323462';
const FOUND = readFixture('karrio/ups/TrackingResponseJSON.json');
const credentials = { clientId: 'ups-id', clientSecret: 'ups-secret' };
const client = adapter.poll;
if (!client) throw new Error('UPS has no poll client');

const mapped = (a: CarrierAnswer | undefined) =>
  adapter.map({
    body: a?.body.toString('utf8') ?? '',
    contentType: a?.contentType ?? null,
    httpStatus: a?.status ?? null,
    requested: a?.requested ?? [],
  });
const ask = (...numbers: string[]) => numbers.map((trackingNumber) => ({ trackingNumber, carrier: 'ups' }));

let stub: CarrierStub;
beforeEach(async () => {
  stub = await new CarrierStub('/security/v1/oauth/token').start();
  stub.answer = () => json(FOUND);
});
afterEach(() => stub.close());

describe('ups poll client', () => {
  it('asks the Track API for one number with a bearer token and the required headers', async () => {
    const answers = await client.poll(ask(NUMBER), stub.ctx({ ...credentials, transactionSrc: 'shop-7' }));

    const [token] = stub.tokenRequests;
    expect(token?.method).toBe('POST');
    expect(token?.headers.authorization).toBe(`Basic ${Buffer.from('ups-id:ups-secret').toString('base64')}`);
    expect(new URLSearchParams(token?.body).get('grant_type')).toBe('client_credentials');

    const [call] = stub.calls;
    expect(call?.method).toBe('GET');
    expect(call?.path).toBe(`/api/track/v1/details/${NUMBER}`);
    expect(call?.query.get('locale')).toBe('en_US');
    expect(bearerOf(call)).toBe('Bearer token-1');
    expect(call?.headers.transid).toMatch(/^[0-9a-f]{32}$/);
    expect(call?.headers.transactionsrc).toBe('shop-7');

    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ requested: [NUMBER], status: 200, contentType: 'application/json' });
    const result = mapped(answers[0]);
    expect(result.problems).toEqual([]);
    expect(result.shipments[0]?.events.map((e) => [e.rawCode, e.status])).toEqual([['SR', 'in_transit']]);
  });

  it('asks for the numbers of a batch one per request, each with its own transaction id', async () => {
    const answers = await client.poll(ask(NUMBER, '1Z999AA10123456784'), stub.ctx(credentials));
    expect(answers.map((a) => a.requested)).toEqual([[NUMBER], ['1Z999AA10123456784']]);
    expect(stub.calls.map((c) => c.path).sort()).toEqual([
      '/api/track/v1/details/1Z023E2X0214323462',
      '/api/track/v1/details/1Z999AA10123456784',
    ]);
    expect(stub.calls[0]?.headers.transid).not.toBe(stub.calls[1]?.headers.transid);
    expect(stub.calls[0]?.headers.transactionsrc).toBe('wismo');
  });

  it('fetches the token once for concurrent polls, reuses it, and fetches it again once after a 401', async () => {
    const ctx = stub.ctx(credentials);
    await Promise.all([
      client.poll(ask(NUMBER), ctx),
      client.poll(ask(NUMBER), ctx),
      client.poll(ask(NUMBER), ctx),
    ]);
    await client.poll(ask(NUMBER), ctx);
    expect(stub.tokenRequests).toHaveLength(1);
    expect(stub.calls.map(bearerOf)).toEqual(Array(4).fill('Bearer token-1'));

    stub.answer = (_req, n) => (n === 5 ? json('{"response":{"errors":[]}}', 401) : json(FOUND));
    const answers = await client.poll(ask(NUMBER), ctx);
    expect(stub.tokenRequests).toHaveLength(2);
    expect(stub.calls.slice(4).map(bearerOf)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(answers[0]?.status).toBe(200);
  });

  it('reports 429, 5xx and silence as the carrier’s health, and returns a broken 200 body as it came', async () => {
    stub.answer = () => json('{}', 429, { 'retry-after': '7' });
    const limited = await client.poll(ask(NUMBER), stub.ctx(credentials)).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(CarrierRateLimited);
    expect((limited as CarrierRateLimited).retryAfterMs).toBe(7_000);

    stub.answer = () => ({ status: 503, body: 'Service Unavailable' });
    await expect(client.poll(ask(NUMBER), stub.ctx(credentials))).rejects.toBeInstanceOf(CarrierUnavailable);

    stub.answer = () => 'hang';
    // undici's timers are coarse: the 200 ms headers timeout fires within about a second.
    const silent = await client.poll(ask(NUMBER), stub.ctx(credentials, 200)).catch((e: unknown) => e);
    expect(silent).toBeInstanceOf(CarrierUnavailable);
    expect((silent as Error).message).toMatch(/timeout waiting for the answer headers/);

    stub.answer = () => json('{"trackResponse":');
    const [cut] = await client.poll(ask(NUMBER), stub.ctx(credentials));
    expect(cut?.status).toBe(200);
    expect(mapped(cut).problems[0]?.kind).toBe('malformed');
  });

  it('returns not-found answers, in a 200 or as a 404, for the mapper to report', async () => {
    stub.answer = () => json(readFixture('karrio/ups/TrackingNumberNotFoundResponseJSON.json'));
    const [warned] = await client.poll(ask(NUMBER), stub.ctx(credentials));
    expect(mapped(warned).problems[0]).toMatchObject({ kind: 'not_found', code: 'TW0001' });

    stub.answer = () => json(readFixture('karrio/ups/InvalidTrackingNumberResponseJSON.json'), 404);
    const [missing] = await client.poll(ask(NUMBER), stub.ctx(credentials));
    expect(missing?.status).toBe(404);
    expect(mapped(missing).problems[0]).toMatchObject({ kind: 'not_found', code: 'TV1002' });
  });
});
