import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { CarrierRejected } from '../../polling/client.js';
import { adapter } from './index.js';
import { poll } from './poll.js';
import { itReportsCarrierHealth, json, mapAnswer, usePollServer } from './poll-test-server.js';

const credentials = { apiKey: 'as-key' };
const server = usePollServer();
const file = (name: string) => readFixture(`aftership_sdk_java/aftership/${name}`);
const items = [
  { trackingNumber: '1111111111111', carrier: 'fedex' },
  { trackingNumber: '2222222222222', carrier: 'ups' },
  { trackingNumber: '1231231231231', carrier: 'aftership' },
];

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

  it('a number AfterShip does not track is left out of the list, and maps to not_found', async () => {
    server.reply(() => json(file('GetTrackingsResult.json')));
    const answers = await poll.poll(
      [...items, { trackingNumber: '9999 9999 9999', carrier: 'usps' }],
      server.context(credentials),
    );
    expect(mapAnswer(adapter, answers[0]).problems).toEqual([
      expect.objectContaining({ kind: 'not_found', trackingNumber: '9999 9999 9999' }),
    ]);
  });

  it('asks each number once', async () => {
    server.reply(() => json('{"meta":{"code":200},"data":{"trackings":[]}}'));
    const one = { trackingNumber: '1111111111111', carrier: 'fedex' };
    const answers = await poll.poll([one, one], server.context(credentials));
    expect(server.seen[0]?.query.get('tracking_numbers')).toBe('1111111111111');
    expect(answers[0]?.requested).toEqual(['1111111111111']);
  });

  it('a refused key (Error.json, HTTP 401) is CarrierRejected with AfterShip’s message', async () => {
    server.reply(() => json(file('Error.json'), 401));
    await expect(poll.poll(items, server.context(credentials))).rejects.toThrow(CarrierRejected);
    await expect(poll.poll(items, server.context(credentials))).rejects.toThrow(/Invalid API Key/);
  });

  itReportsCarrierHealth({ server, adapter, client: poll, items, credentials });
});
