import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { type CarrierAnswer, CarrierRateLimited, CarrierUnavailable } from '../../polling/client.js';
import { bearerOf, CarrierStub, json } from '../ups/poll-test-server.js';
import { adapter } from './index.js';

const NUMBER = '9400109104250532908587';
const FOUND = readFixture('karrio/usps/TrackingResponse.json');
const credentials = { clientId: 'usps-id', clientSecret: 'usps-secret' };
const client = adapter.poll;
if (!client) throw new Error('USPS has no poll client');

const mapped = (a: CarrierAnswer | undefined) =>
  adapter.map({
    body: a?.body.toString('utf8') ?? '',
    contentType: a?.contentType ?? null,
    httpStatus: a?.status ?? null,
    requested: a?.requested ?? [],
  });
const ask = (...numbers: string[]) => numbers.map((trackingNumber) => ({ trackingNumber, carrier: 'usps' }));

let stub: CarrierStub;
beforeEach(async () => {
  stub = await new CarrierStub('/oauth2/v3/token').start();
  stub.answer = () => json(FOUND);
});
afterEach(() => stub.close());

describe('usps poll client', () => {
  it('asks Tracking v3 for one number in detail with a bearer token, and the answer maps to its events', async () => {
    const answers = await client.poll(ask(NUMBER), stub.ctx(credentials));

    const [token] = stub.tokenRequests;
    expect(token?.method).toBe('POST');
    expect(token?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(token?.body ?? '')).toEqual({
      grant_type: 'client_credentials',
      client_id: 'usps-id',
      client_secret: 'usps-secret',
    });

    const [call] = stub.calls;
    expect(call?.method).toBe('GET');
    expect(call?.path).toBe(`/tracking/v3/tracking/${NUMBER}`);
    expect(call?.query.get('expand')).toBe('DETAIL');
    expect(bearerOf(call)).toBe('Bearer token-1');

    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ requested: [NUMBER], status: 200, contentType: 'application/json' });
    const result = mapped(answers[0]);
    expect(result.problems).toEqual([]);
    const s = result.shipments[0];
    expect(s?.trackingNumber).toBe(NUMBER);
    expect(s?.events).toHaveLength(12);
    expect(s?.events.at(-1)).toMatchObject({
      rawCode: '01',
      status: 'delivered',
      occurredAt: '2024-11-22T18:58:00.000Z',
    });
  });

  it('asks for the numbers of a batch one per request', async () => {
    const other = '9400111899223397910390';
    const answers = await client.poll(ask(NUMBER, other, NUMBER), stub.ctx(credentials));
    expect(answers.map((a) => a.requested)).toEqual([[NUMBER], [other]]);
    expect(stub.calls.map((c) => c.path).sort()).toEqual([
      `/tracking/v3/tracking/${NUMBER}`,
      `/tracking/v3/tracking/${other}`,
    ]);
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

    stub.answer = (_req, n) =>
      n === 5 ? json(readFixture('karrio/usps/AuthErrorResponse.json'), 401) : json(FOUND);
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

    stub.answer = () => json('{"trackingEvents": [');
    const [cut] = await client.poll(ask(NUMBER), stub.ctx(credentials));
    expect(cut?.status).toBe(200);
    expect(mapped(cut).problems[0]?.kind).toBe('malformed');
  });

  it('returns a 404 for an unknown number as an answer the mapper reports as not found', async () => {
    stub.answer = () => json(readFixture('karrio/usps/ErrorResponse.json'), 404);
    const [answer] = await client.poll(ask(NUMBER), stub.ctx(credentials));
    expect(answer?.status).toBe(404);
    expect(mapped(answer).problems[0]).toMatchObject({ kind: 'not_found', trackingNumber: NUMBER });
  });
});
