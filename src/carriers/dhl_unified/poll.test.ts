import { describe, expect, it } from 'vitest';
import { readFixture } from '../../../test/helpers/carrier-fixtures.js';
import { itReportsCarrierHealth, json, mapAnswer, usePollServer } from '../aftership/poll-test-server.js';
import { adapter } from './index.js';
import { poll } from './poll.js';

const credentials = { apiKey: 'dhl-key' };
const server = usePollServer();

describe('dhl_unified poll client', () => {
  it('asks GET /track/shipments for one number with the API key, and hands back the answer as it came', async () => {
    server.reply(() => json(readFixture('karrio/dhl_universal/TrackingResponseJSON.json')));
    const answers = await poll.poll(
      [{ trackingNumber: '7777777770', carrier: 'dhl_unified' }],
      server.context(credentials),
    );

    expect(server.seen).toHaveLength(1);
    const [req] = server.seen;
    expect(req?.method).toBe('GET');
    expect(req?.path).toBe('/track/shipments');
    expect(Object.fromEntries(req?.query ?? [])).toEqual({ trackingNumber: '7777777770' });
    expect(req?.headers['dhl-api-key']).toBe('dhl-key');

    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ requested: ['7777777770'], status: 200 });
    const mapped = mapAnswer(adapter, answers[0]);
    expect(mapped.problems).toEqual([]);
    expect(mapped.shipments.map((s) => s.trackingNumber)).toEqual(['7777777770']);
    expect(mapped.shipments[0]?.events.map((e) => [e.occurredAt, e.status, e.rawCode, e.rawText])).toEqual([
      ['2018-03-02T06:53:47.000Z', 'info_received', 'pre-transit', 'JESSICA'],
    ]);
  });

  it('a 404 problem body is an answer, which maps to not_found for the number', async () => {
    server.reply(() => json(readFixture('karrio/dhl_universal/TrackingErrorResponseJSON.json'), 404));
    const answers = await poll.poll(
      [{ trackingNumber: '8264715546', carrier: 'dhl_unified' }],
      server.context(credentials),
    );
    expect(answers[0]?.status).toBe(404);
    expect(mapAnswer(adapter, answers[0]).problems).toEqual([
      expect.objectContaining({ kind: 'not_found', trackingNumber: '8264715546' }),
    ]);
  });

  it('declares the one-number API, the starter quota and the key it needs', () => {
    expect(poll).toMatchObject({ batchSize: 1, credentialNames: ['apiKey'] });
    // 250 calls a day at most.
    expect((86_400_000 / poll.rateLimit.durationMs) * poll.rateLimit.max).toBeLessThanOrEqual(250);
  });

  itReportsCarrierHealth({
    server,
    adapter,
    client: poll,
    items: [{ trackingNumber: '7777777770', carrier: 'dhl_unified' }],
    credentials,
  });
});
