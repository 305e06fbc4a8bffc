import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/helpers/carrier-fixtures.js';
import {
  itReportsCarrierHealth,
  json,
  mapAnswer,
  type SeenRequest,
  usePollServer,
} from '../aftership/poll-test-server.js';
import { adapter } from './index.js';
import { poll } from './poll.js';

const credentials = { apiKey: '17-key' };
const server = usePollServer();
const NUMBER = '1234567890987654321';

// Register's answer as 17TRACK's v2.2 docs show it: a number the account already tracks is rejected with
// -18019901, which costs nothing.
const registered = (numbers: string[]) =>
  JSON.stringify({
    code: 0,
    data: {
      accepted: [],
      rejected: numbers.map((number) => ({
        number,
        error: { code: -18019901, message: `Tracking number ${number} is already registered.` },
      })),
    },
  });

/** register answers "already registered"; gettrackinfo answers `info`. */
const route = (info: string) => (req: SeenRequest) =>
  req.path.endsWith('/register')
    ? json(registered(JSON.parse(req.body).map((e: { number: string }) => e.number)))
    : json(info);

describe('seventeentrack poll client', () => {
  it('registers the batch, then asks gettrackinfo, and hands back only the gettrackinfo answer', async () => {
    // py17track's real gettrackinfo answer (API v1 body; v2.2 keeps the envelope, map.ts reads both).
    const info = readFixture('py17track/17track/gettrackinfo_success_response.json');
    server.reply(route(info));
    const answers = await poll.poll(
      [{ trackingNumber: NUMBER, carrier: 'fedex' }],
      server.context(credentials),
    );

    expect(
      server.seen.map((r) => [r.method, r.path, r.headers['17token'], r.headers['content-type']]),
    ).toEqual([
      ['POST', '/track/v2.2/register', '17-key', 'application/json'],
      ['POST', '/track/v2.2/gettrackinfo', '17-key', 'application/json'],
    ]);
    // FedEx's 17TRACK carrier key rides along with the number.
    for (const r of server.seen) expect(JSON.parse(r.body)).toEqual([{ number: NUMBER, carrier: 100003 }]);

    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ requested: [NUMBER], status: 200 });
    expect(answers[0]?.body.toString('utf8')).toBe(info);
    const mapped = mapAnswer(adapter, answers[0]);
    expect(mapped.problems).toEqual([]);
    expect(mapped.shipments[0]).toMatchObject({ trackingNumber: NUMBER, underlyingCarrier: 'fedex' });
    expect(mapped.shipments[0]?.events.map((e) => [e.rawCode, e.status])).toEqual([
      ['40', 'delivered'],
      ['', 'in_transit'],
      ['', 'in_transit'],
      ['', 'in_transit'],
    ]);
  });

  it('carries up to 40 numbers in one request each; unknown carriers (and 17TRACK itself) go without a key', async () => {
    server.reply(route('{"code":0,"data":{"accepted":[],"rejected":[]}}'));
    const items = Array.from({ length: 40 }, (_, i) => ({
      trackingNumber: `RR${String(i).padStart(9, '0')}CN`,
      carrier: i === 0 ? 'usps' : i === 1 ? 'seventeentrack' : 'sendle',
    }));
    const answers = await poll.poll(items, server.context(credentials));
    expect(server.seen).toHaveLength(2);
    const body = JSON.parse(server.seen[1]?.body ?? '');
    expect(body).toHaveLength(40);
    expect(body.slice(0, 3)).toEqual([
      { number: 'RR000000000CN', carrier: 21051 },
      { number: 'RR000000001CN' },
      { number: 'RR000000002CN' },
    ]);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.requested).toEqual(items.map((i) => i.trackingNumber));
  });

  it('numbers 17TRACK has no information on come back rejected, and map to not_found', async () => {
    // Error codes from 17TRACK's v2.2 docs: not registered, and no tracking information yet.
    const rejected = JSON.stringify({
      code: 0,
      data: {
        accepted: [],
        rejected: [
          {
            number: 'RR1',
            error: { code: -18019902, message: 'Tracking number RR1 is not registered yet. Register first.' },
          },
          { number: 'RR2', error: { code: -18019909, message: 'No tracking information at this time.' } },
        ],
      },
    });
    server.reply(route(rejected));
    const answers = await poll.poll(
      [
        { trackingNumber: 'RR1', carrier: 'usps' },
        { trackingNumber: 'RR2', carrier: 'usps' },
      ],
      server.context(credentials),
    );
    expect(mapAnswer(adapter, answers[0]).problems.map((p) => [p.kind, p.trackingNumber, p.code])).toEqual([
      ['not_found', 'RR1', '-18019902'],
      ['not_found', 'RR2', '-18019909'],
    ]);
  });

  itReportsCarrierHealth({
    server,
    adapter,
    client: poll,
    items: [{ trackingNumber: NUMBER, carrier: 'fedex' }],
    credentials,
  });
});
