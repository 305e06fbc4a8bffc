import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { itReportsCarrierHealth, json, mapAnswer, usePollServer } from '../aftership/poll-test-server.js';
import { adapter } from './index.js';
import { poll } from './poll.js';

const credentials = { apiKey: 'EZTK_key' };
const server = usePollServer();
const create = (trackingNumber: string, carrier: string) =>
  poll.poll([{ trackingNumber, carrier }], server.context(credentials));

describe('easypost poll client', () => {
  it('POSTs /v2/trackers with the code and EasyPost’s carrier name, key as Basic user, and hands back the Tracker', async () => {
    server.reply(() => json(readFixture('easypost_examples/easypost/trackers-create.json')));
    const answers = await create('EZ1000000001', 'usps');

    const [req] = server.seen;
    expect(server.seen).toHaveLength(1);
    expect(req?.method).toBe('POST');
    expect(req?.path).toBe('/v2/trackers');
    expect(req?.headers.authorization).toBe(`Basic ${Buffer.from('EZTK_key:').toString('base64')}`);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(req?.body ?? '')).toEqual({
      tracker: { tracking_code: 'EZ1000000001', carrier: 'USPS' },
    });

    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ requested: ['EZ1000000001'], status: 200 });
    const mapped = mapAnswer(adapter, answers[0]);
    expect(mapped.problems).toEqual([]);
    expect(mapped.shipments[0]).toMatchObject({ trackingNumber: 'EZ1000000001', underlyingCarrier: 'usps' });
    expect(mapped.shipments[0]?.events.map((e) => [e.occurredAt, e.status, e.rawCode])).toEqual([
      ['2025-04-09T20:40:17.000Z', 'info_received', 'status_update'],
      ['2025-04-10T09:17:17.000Z', 'info_received', 'status_update'],
    ]);
  });

  it('asking again is the same request: EasyPost answers the existing Tracker (trackers-retrieve.json)', async () => {
    server.reply(() => json(readFixture('easypost_examples/easypost/trackers-retrieve.json')));
    const first = await create('EZ1000000001', 'usps');
    const again = await create('EZ1000000001', 'usps');
    const asked = { tracker: { tracking_code: 'EZ1000000001', carrier: 'USPS' } };
    expect(server.seen.map((r) => [r.method, r.path, JSON.parse(r.body)])).toEqual([
      ['POST', '/v2/trackers', asked],
      ['POST', '/v2/trackers', asked],
    ]);
    expect(mapAnswer(adapter, again[0]).shipments[0]?.events).toEqual(
      mapAnswer(adapter, first[0]).shipments[0]?.events,
    );
  });

  it('maps wismo carrier codes to EasyPost’s names, and lets EasyPost detect the others', async () => {
    server.reply(() => json(readFixture('easypost_examples/easypost/trackers-create.json')));
    await create('1Z999AA10123456784', 'ups');
    await create('7777777770', 'dhl_express');
    await create('EZ1000000001', 'easypost');
    await create('JD014600006281230713', 'gls');
    expect(server.seen.map((r) => JSON.parse(r.body).tracker)).toEqual([
      { tracking_code: '1Z999AA10123456784', carrier: 'UPS' },
      { tracking_code: '7777777770', carrier: 'DHLExpress' },
      { tracking_code: 'EZ1000000001' },
      { tracking_code: 'JD014600006281230713' },
    ]);
  });

  it('an error body is an answer with its typed problem (test key, real number)', async () => {
    server.reply(() => json(readFixture('karrio/easypost/ErrorResponseJSON.json'), 422));
    const answers = await create('9400100000000000000000', 'usps');
    expect(answers[0]?.status).toBe(422);
    expect(mapAnswer(adapter, answers[0]).problems).toEqual([
      expect.objectContaining({ kind: 'carrier_error', code: 'TRACKER.CREATE.ERROR' }),
    ]);
    server.reply(() =>
      json('{"error":{"code":"NOT_FOUND","message":"The requested resource could not be found."}}', 404),
    );
    const missing = await create('9400100000000000000000', 'usps');
    expect(mapAnswer(adapter, missing[0]).problems[0]?.kind).toBe('not_found');
  });

  itReportsCarrierHealth({
    server,
    adapter,
    client: poll,
    items: [{ trackingNumber: 'EZ1000000001', carrier: 'usps' }],
    credentials,
  });
});
