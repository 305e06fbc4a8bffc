import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { CarrierRateLimited, CarrierRejected, CarrierUnavailable } from '../../polling/client.js';
import type { TrackedShipment } from '../model.js';
import { adapter } from './index.js';
import { CREATE_SLUGS, createSlug, poll } from './poll.js';
import {
  itReportsCarrierHealth,
  json,
  mapAnswer,
  type Reply,
  type SeenRequest,
  usePollServer,
} from './poll-test-server.js';
import { underlyingCarrier } from './underlying.js';

const credentials = { apiKey: 'as-key' };
const server = usePollServer();
const file = (name: string) => readFixture(`aftership_sdk_java/aftership/${name}`);
const items = [
  { trackingNumber: '1111111111111', carrier: 'fedex' },
  { trackingNumber: '2222222222222', carrier: 'ups' },
  { trackingNumber: '1231231231231', carrier: 'aftership' },
];

/** GET /trackings answers with `list`; POST /trackings with `create(the request's JSON body)`. */
const routes =
  (list: Reply, create: (body: { tracking_number: string; slug?: string }) => Reply) =>
  (req: SeenRequest): Reply =>
    req.method === 'POST' ? create(JSON.parse(req.body)) : list;

/** GetTrackingsResult.json keeping only the trackings of these numbers. */
const listOf = (...numbers: string[]) => {
  const body = JSON.parse(file('GetTrackingsResult.json'));
  body.data.trackings = body.data.trackings.filter((t: { tracking_number: string }) =>
    numbers.includes(t.tracking_number),
  );
  return json(JSON.stringify(body));
};

/**
 * A new tracking as POST /trackings answers it (CreateTrackingResult.json, tag Pending, no checkpoints) for
 * the number and slug asked; `flat`: the tracking as `data` itself, as the dated versions answer it.
 */
const created = (req: { tracking_number: string; slug?: string }, flat = false) => {
  const body = JSON.parse(file('CreateTrackingResult.json'));
  const tracking = { ...body.data.tracking, tracking_number: req.tracking_number, slug: req.slug ?? 'ups' };
  return json(JSON.stringify({ meta: body.meta, data: flat ? tracking : { tracking } }), 201);
};

const alreadyExists = (req: { tracking_number: string; slug?: string }) =>
  json(
    JSON.stringify({
      meta: { code: 4003, type: 'BadRequest', message: 'Tracking already exists.' },
      data: { tracking: { tracking_number: req.tracking_number, slug: req.slug } },
    }),
    400,
  );

const posts = (seen: readonly SeenRequest[]) =>
  seen.filter((r) => r.method === 'POST').map((r) => ({ path: r.path, body: JSON.parse(r.body) }));

describe('aftership poll client', () => {
  it('reads a batch with one GET /trackings?tracking_numbers=…, as-api-key, no slug filter', async () => {
    server.reply(() => json(file('GetTrackingsResult.json')));
    const answers = await poll.poll(items, server.context(credentials));

    expect(server.seen).toHaveLength(1);
    const [req] = server.seen;
    expect(req?.method).toBe('GET');
    expect(req?.path).toBe('/tracking/2026-07/trackings');
    expect(Object.fromEntries(req?.query ?? [])).toEqual({
      tracking_numbers: '1111111111111,2222222222222,1231231231231',
    });
    expect(req?.headers['as-api-key']).toBe('as-key');

    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({
      requested: ['1111111111111', '2222222222222', '1231231231231'],
      status: 200,
    });
    const mapped = mapAnswer(adapter, answers[0]);
    expect(mapped.problems).toEqual([]);
    expect(mapped.shipments.map((s) => [s.trackingNumber, s.underlyingCarrier, s.events.length])).toEqual([
      ['1111111111111', 'fedex', 11],
      ['2222222222222', 'ups', 0],
      ['1231231231231', 'usps', 0],
    ]);
    expect(mapped.shipments[0]?.events.at(-1)).toMatchObject({ status: 'delivered' });
  });

  it('a number AfterShip does not track is left out of the list, and maps to not_found there', async () => {
    server.reply(routes(json(file('GetTrackingsResult.json')), alreadyExists));
    const answers = await poll.poll(
      [...items, { trackingNumber: '9999 9999 9999', carrier: 'usps' }],
      server.context(credentials),
    );
    expect(answers).toHaveLength(1);
    expect(mapAnswer(adapter, answers[0]).problems).toEqual([
      expect.objectContaining({ kind: 'not_found', trackingNumber: '9999 9999 9999' }),
    ]);
  });

  it('asks each number once', async () => {
    server.reply(routes(json('{"meta":{"code":200},"data":{"trackings":[]}}'), (req) => created(req)));
    const one = { trackingNumber: '1111111111111', carrier: 'fedex' };
    const answers = await poll.poll([one, one], server.context(credentials));
    expect(server.seen[0]?.query.get('tracking_numbers')).toBe('1111111111111');
    expect(answers[0]?.requested).toEqual(['1111111111111']);
    expect(posts(server.seen)).toHaveLength(1);
  });

  it('a refused key (Error.json, HTTP 401) is CarrierRejected, without quoting the answer', async () => {
    server.reply(() => json(file('Error.json'), 401));
    await expect(poll.poll(items, server.context(credentials))).rejects.toThrow(CarrierRejected);
    // The reason is shown on shipments to every reader: a refusal's body (which may echo what was sent) is not.
    const err = await poll.poll(items, server.context(credentials)).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^HTTP 401/);
    expect((err as Error).message).not.toMatch(/Invalid API Key/);
  });

  itReportsCarrierHealth({ server, adapter, client: poll, items, credentials });
});

describe('aftership poll client: trackings the account does not have yet are created', () => {
  const tracked = { trackingNumber: '1111111111111', carrier: 'fedex' };
  const missing = { trackingNumber: '1Z999AA10123456784', carrier: 'ups' };

  it.each([
    ['{meta, data: {tracking}}', false],
    ['{meta, data: tracking}', true],
  ])(
    'a number missing from the list: one POST /trackings {tracking_number, slug}; the answer (%s) tracks it',
    async (_shape, flat) => {
      server.reply(routes(listOf('1111111111111'), (req) => created(req, flat)));
      const answers = await poll.poll([tracked, missing], server.context(credentials));

      expect(server.seen.map((r) => r.method)).toEqual(['GET', 'POST']);
      expect(posts(server.seen)).toEqual([
        { path: '/tracking/2026-07/trackings', body: { tracking_number: '1Z999AA10123456784', slug: 'ups' } },
      ]);
      const post = server.seen[1];
      expect(post?.headers['as-api-key']).toBe('as-key');
      expect(post?.headers['content-type']).toBe('application/json');

      expect(answers.map((a) => [a.requested, a.status])).toEqual([
        [['1111111111111', '1Z999AA10123456784'], 200],
        [['1Z999AA10123456784'], 201],
      ]);
      // The list as before: the tracked number's events, the missing one not found…
      const list = mapAnswer(adapter, answers[0]);
      expect(list.shipments.map((s) => [s.trackingNumber, s.events.length])).toEqual([['1111111111111', 11]]);
      expect(list.problems).toEqual([
        expect.objectContaining({ kind: 'not_found', trackingNumber: '1Z999AA10123456784' }),
      ]);
      // …and the create answer, later in the same batch, tracks it: no problem, no events yet, pending.
      const create = mapAnswer(adapter, answers[1]);
      expect(create.problems).toEqual([]);
      expect(create.shipments).toHaveLength(1);
      expect(create.shipments[0] as TrackedShipment).toMatchObject({
        trackingNumber: '1Z999AA10123456784',
        underlyingCarrier: 'ups',
        events: [],
        carrierStatus: { code: 'Pending_001', text: 'Pending' },
      });
    },
  );

  it('numbers the list has are not created, whatever their spacing', async () => {
    const list = JSON.parse(file('GetTrackingsResult.json'));
    list.data.trackings[0].tracking_number = '9999-9999-9999';
    server.reply(routes(json(JSON.stringify(list)), (req) => created(req)));
    const answers = await poll.poll(
      [...items.slice(1), { trackingNumber: '9999 9999 9999', carrier: 'fedex' }],
      server.context(credentials),
    );
    expect(server.seen.map((r) => r.method)).toEqual(['GET']);
    expect(answers).toHaveLength(1);
  });

  it('"Tracking already exists" (4003) is no error and adds no answer', async () => {
    server.reply(routes(listOf('1111111111111'), alreadyExists));
    const answers = await poll.poll([tracked, missing], server.context(credentials));
    expect(posts(server.seen)).toHaveLength(1);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.requested).toEqual(['1111111111111', '1Z999AA10123456784']);
  });

  it('an unknown carrier (or AfterShip itself) sends no slug: AfterShip detects the courier', async () => {
    server.reply(routes(listOf(), (req) => created(req)));
    await poll.poll(
      [
        { trackingNumber: 'AAA111', carrier: 'zoom2u' },
        { trackingNumber: 'BBB222', carrier: 'aftership' },
        { trackingNumber: 'CCC333', carrier: 'toString' },
        { trackingNumber: 'DDD444', carrier: 'dhl_parcel_de' },
      ],
      server.context(credentials),
    );
    expect(posts(server.seen).map((p) => p.body)).toEqual([
      { tracking_number: 'AAA111' },
      { tracking_number: 'BBB222' },
      { tracking_number: 'CCC333' },
      { tracking_number: 'DDD444', slug: 'dhl-germany' },
    ]);
  });

  it('the slug table: each slug reads back as the carrier it was sent for', () => {
    for (const [carrier, slug] of Object.entries(CREATE_SLUGS)) {
      expect([carrier, underlyingCarrier(slug)]).toEqual([carrier, carrier]);
    }
    expect(createSlug('royalmail')).toBe('royal-mail');
    expect(createSlug('laposte')).toBe('la-poste-colissimo');
    expect(createSlug('dpd')).toBeUndefined();
    expect(createSlug('constructor')).toBeUndefined();
  });

  it('creates one at a time, in the order asked', async () => {
    server.reply(routes(listOf(), (req) => created(req)));
    const answers = await poll.poll(
      ['N1', 'N2', 'N3'].map((n) => ({ trackingNumber: n, carrier: 'usps' })),
      server.context(credentials),
    );
    expect(posts(server.seen).map((p) => p.body.tracking_number)).toEqual(['N1', 'N2', 'N3']);
    expect(answers.map((a) => a.requested)).toEqual([['N1', 'N2', 'N3'], ['N1'], ['N2'], ['N3']]);
  });

  it('a 429 on a create is CarrierRateLimited with the delay asked', async () => {
    server.reply(routes(listOf('1111111111111'), () => ({ status: 429, headers: { 'retry-after': '3' } })));
    const err = await poll.poll([tracked, missing], server.context(credentials)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CarrierRateLimited);
    expect((err as CarrierRateLimited).retryAfterMs).toBe(3000);
  });

  it('a 5xx on a create is CarrierUnavailable', async () => {
    server.reply(routes(listOf('1111111111111'), () => json('{"meta":{"code":500}}', 503)));
    await expect(poll.poll([tracked, missing], server.context(credentials))).rejects.toBeInstanceOf(
      CarrierUnavailable,
    );
  });

  it.each([
    [400, 4005, 'BadRequest', 'The value of tracking_number is invalid.'],
    [400, 4012, 'BadRequest', 'Unable to import shipment as we don’t recognize the carrier.'],
    [403, 403, 'Forbidden', 'The request is understood, but it has been refused.'],
  ])(
    'a create refused with HTTP %i (meta %i) is that number’s answer: a carrier error',
    async (status, code, type, message) => {
      server.reply(
        routes(listOf('1111111111111'), () =>
          json(JSON.stringify({ meta: { code, type, message }, data: {} }), status),
        ),
      );
      const answers = await poll.poll([tracked, missing], server.context(credentials));
      expect(answers).toHaveLength(2);
      expect(answers[1]).toMatchObject({ requested: ['1Z999AA10123456784'], status });
      expect(mapAnswer(adapter, answers[1]).problems).toEqual([
        expect.objectContaining({ kind: 'carrier_error', code: String(code) }),
      ]);
    },
  );

  it('a list that is an error, or not a list, creates nothing', async () => {
    for (const list of [
      json('{"meta":{"code":400,"type":"BadRequest","message":"Invalid tracking_numbers"},"data":{}}', 400),
      json('{"meta":{"code":200},"data":{}}'),
      json('{"not json'),
    ]) {
      server.reply(routes(list, (req) => created(req)));
      const answers = await poll.poll([tracked, missing], server.context(credentials));
      expect(server.seen.map((r) => r.method)).toEqual(['GET']);
      expect(answers).toHaveLength(1);
    }
  });
});
