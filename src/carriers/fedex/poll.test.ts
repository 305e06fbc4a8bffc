import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { type CarrierAnswer, CarrierRateLimited, CarrierUnavailable } from '../../polling/client.js';
import { bearerOf, CarrierStub, json, type Received } from '../ups/poll-test-server.js';
import { adapter } from './index.js';

// karrio's FedEx answer for two numbers: 123456789012 tracked (under 128667043726), 39936862321 not found.
const ASKED = ['123456789012', '39936862321'];
const FOUND = readFixture('karrio/fedex/TrackingResponse.json');
const credentials = { clientId: 'fedex-id', clientSecret: 'fedex-secret' };
const client = adapter.poll;
if (!client) throw new Error('FedEx has no poll client');

const mapped = (a: CarrierAnswer | undefined) =>
  adapter.map({
    body: a?.body.toString('utf8') ?? '',
    contentType: a?.contentType ?? null,
    httpStatus: a?.status ?? null,
    requested: a?.requested ?? [],
  });
const ask = (...numbers: string[]) => numbers.map((trackingNumber) => ({ trackingNumber, carrier: 'fedex' }));
const numbersIn = (r: Received | undefined): string[] =>
  JSON.parse(r?.body ?? '{}').trackingInfo.map(
    (t: { trackingNumberInfo: { trackingNumber: string } }) => t.trackingNumberInfo.trackingNumber,
  );

let stub: CarrierStub;
beforeEach(async () => {
  stub = await new CarrierStub('/oauth/token').start();
  stub.answer = () => json(FOUND);
});
afterEach(() => stub.close());

describe('fedex poll client', () => {
  it('posts the batch to the Track API with a bearer token, and the answer maps to the fixture’s tracking', async () => {
    const answers = await client.poll(ask(...ASKED), stub.ctx(credentials));

    const [token] = stub.tokenRequests;
    expect(token?.method).toBe('POST');
    expect(token?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(token?.body))).toEqual({
      grant_type: 'client_credentials',
      client_id: 'fedex-id',
      client_secret: 'fedex-secret',
    });

    expect(stub.calls).toHaveLength(1);
    const [call] = stub.calls;
    expect(call?.method).toBe('POST');
    expect(call?.path).toBe('/track/v1/trackingnumbers');
    expect(bearerOf(call)).toBe('Bearer token-1');
    expect(call?.headers['x-locale']).toBe('en_US');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call?.body ?? '')).toEqual({
      includeDetailedScans: true,
      trackingInfo: ASKED.map((trackingNumber) => ({ trackingNumberInfo: { trackingNumber } })),
    });

    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ requested: ASKED, status: 200 });
    const result = mapped(answers[0]);
    expect(
      result.shipments.map((s) => [s.trackingNumber, s.events.map((e) => [e.rawCode, e.status])]),
    ).toEqual([['128667043726', [['PU.A25', 'in_transit']]]]);
    // The second number of the batch: FedEx's per-number not-found inside the 200.
    expect(result.problems.find((p) => p.trackingNumber === '39936862321')).toMatchObject({
      kind: 'not_found',
      code: 'TRACKING.TRACKINGNUMBER.NOTFOUND',
    });
  });

  it('carries up to batchSize numbers in one request and splits a longer list', async () => {
    expect(client.batchSize).toBe(30);
    const numbers = Array.from({ length: 31 }, (_, i) => String(100000000000 + i));
    const full = await client.poll(ask(...numbers.slice(0, 30)), stub.ctx(credentials));
    expect(full.map((a) => a.requested)).toEqual([numbers.slice(0, 30)]);
    expect(numbersIn(stub.calls[0])).toEqual(numbers.slice(0, 30));

    const over = await client.poll(ask(...numbers), stub.ctx(credentials));
    expect(over.map((a) => a.requested)).toEqual([numbers.slice(0, 30), numbers.slice(30)]);
    expect(
      stub.calls
        .slice(1)
        .map(numbersIn)
        .sort((a, b) => b.length - a.length),
    ).toEqual([numbers.slice(0, 30), numbers.slice(30)]);
  });

  it('fetches the token once for concurrent polls, reuses it, and fetches it again once after a 401', async () => {
    const ctx = stub.ctx(credentials);
    await Promise.all([client.poll(ask('1'), ctx), client.poll(ask('2'), ctx), client.poll(ask('3'), ctx)]);
    await client.poll(ask('4'), ctx);
    expect(stub.tokenRequests).toHaveLength(1);
    expect(stub.calls.map(bearerOf)).toEqual(Array(4).fill('Bearer token-1'));

    stub.answer = (_req, n) =>
      n === 5 ? json('{"errors":[{"code":"NOT.AUTHORIZED.ERROR","message":"expired"}]}', 401) : json(FOUND);
    const answers = await client.poll(ask(...ASKED), ctx);
    expect(stub.tokenRequests).toHaveLength(2);
    expect(stub.calls.slice(4).map(bearerOf)).toEqual(['Bearer token-1', 'Bearer token-2']);
    expect(answers[0]?.status).toBe(200);
  });

  it('reports 429, 5xx and silence as the carrier’s health, and returns a broken 200 body as it came', async () => {
    stub.answer = () => json('{}', 429, { 'retry-after': '7' });
    const limited = await client.poll(ask(...ASKED), stub.ctx(credentials)).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(CarrierRateLimited);
    expect((limited as CarrierRateLimited).retryAfterMs).toBe(7_000);

    stub.answer = () => ({ status: 503, body: 'Service Unavailable' });
    await expect(client.poll(ask(...ASKED), stub.ctx(credentials))).rejects.toBeInstanceOf(
      CarrierUnavailable,
    );

    stub.answer = () => 'hang';
    // undici's timers are coarse: the 200 ms headers timeout fires within about a second.
    const silent = await client.poll(ask(...ASKED), stub.ctx(credentials, 200)).catch((e: unknown) => e);
    expect(silent).toBeInstanceOf(CarrierUnavailable);
    expect((silent as Error).message).toMatch(/timeout waiting for the answer headers/);

    stub.answer = () => json('{"output":');
    const [cut] = await client.poll(ask(...ASKED), stub.ctx(credentials));
    expect(cut?.status).toBe(200);
    expect(mapped(cut).problems[0]?.kind).toBe('malformed');
  });

  it('returns a request error (400) as an answer for the mapper to report', async () => {
    stub.answer = () => json(readFixture('karrio/fedex/ErrorResponse.json'), 400);
    const [answer] = await client.poll(ask(...ASKED), stub.ctx(credentials));
    expect(answer?.status).toBe(400);
    expect(mapped(answer).problems).toMatchObject([
      { kind: 'carrier_error', code: 'TRACKING.TRACKINGNUMBER.EMPTY' },
    ]);
  });
});
