import { describe, expect, it } from 'vitest';
import { checkpointTime, knownZone, zoneName } from './time.js';

const AT = '2026-12-07T23:30:00Z';

describe('checkpointTime', () => {
  it("shows the clock at the checkpoint's own offset", () => {
    // 23:30 UTC on 7 December is already 00:30 on 8 December one hour east.
    expect(checkpointTime(AT, 60, 'en', 'America/New_York')).toEqual({
      text: expect.stringMatching(/^8 December.*00:30$/),
      datetime: '2026-12-08T00:30:00+01:00',
      local: true,
    });
    expect(checkpointTime(AT, 60, 'ru', 'UTC')?.text).toMatch(/8 декабря.*00:30/);
    expect(checkpointTime(AT, 60, 'ja', 'UTC')?.text).toMatch(/12月8日.*0?0:30/);
    expect(checkpointTime(AT, 60, 'pl', 'UTC')?.text).toMatch(/8 grudnia.*00:30/);
    expect(checkpointTime(AT, 60, 'ms', 'UTC')?.text).toMatch(/8 Disember/);
  });

  it('handles offsets west of UTC and offsets that are not whole hours', () => {
    expect(checkpointTime(AT, -300, 'en', 'UTC')).toMatchObject({
      text: expect.stringMatching(/7 December.*18:30/),
      datetime: '2026-12-07T18:30:00-05:00',
    });
    // India (+05:30) and Nepal (+05:45) have no Etc/GMT zone: the wall time is computed from the offset.
    expect(checkpointTime(AT, 330, 'en', 'UTC')).toMatchObject({
      text: expect.stringMatching(/8 December.*05:00/),
      datetime: '2026-12-08T05:00:00+05:30',
    });
    expect(checkpointTime(AT, 345, 'en', 'UTC')?.text).toMatch(/8 December.*05:15/);
    expect(checkpointTime(AT, -570, 'en', 'UTC')).toMatchObject({
      text: expect.stringMatching(/7 December.*14:00/),
      datetime: '2026-12-07T14:00:00-09:30',
    });
    expect(checkpointTime(AT, 0, 'en', 'Asia/Tokyo')).toMatchObject({
      text: expect.stringMatching(/7 December.*23:30/),
      datetime: '2026-12-07T23:30:00+00:00',
      local: true,
    });
    expect(checkpointTime(AT, 840, 'en', 'UTC')?.text).toMatch(/8 December.*13:30/);
  });

  it("uses the page's zone when the offset is unknown or impossible", () => {
    expect(checkpointTime(AT, null, 'en', 'Asia/Tokyo')).toEqual({
      text: expect.stringMatching(/8 December.*08:30/),
      datetime: '2026-12-07T23:30:00.000Z',
      local: false,
    });
    expect(checkpointTime(AT, 10_000, 'en', 'UTC')).toMatchObject({ local: false });
    expect(checkpointTime(AT, 60.5, 'en', 'UTC')).toMatchObject({ local: false });
    expect(checkpointTime(AT, null, 'en', 'Mars/Olympus')?.text).toMatch(/7 December.*23:30/);
  });

  it('gives nothing for an unreadable instant rather than a wrong time', () => {
    expect(checkpointTime('yesterday', 60, 'en', 'UTC')).toBeNull();
  });

  it('does not depend on the process time zone', () => {
    const saved = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(checkpointTime(AT, 60, 'en', 'UTC')?.datetime).toBe('2026-12-08T00:30:00+01:00');
    } finally {
      process.env.TZ = saved;
    }
  });
});

describe('zoneName', () => {
  it("names the zone in the page's language", () => {
    const at = new Date(AT);
    expect(zoneName('Asia/Tokyo', 'en', 'longGeneric', at)).toBe('Japan Standard Time');
    expect(zoneName('Asia/Tokyo', 'ja', 'longGeneric', at)).toBe('日本標準時');
    expect(zoneName('Europe/Warsaw', 'en', 'short', at)).toMatch(/GMT\+1|CET/);
  });

  it('falls back to UTC for zones Intl does not know', () => {
    expect(knownZone('Mars/Olympus')).toBe('UTC');
    expect(knownZone('Europe/Warsaw')).toBe('Europe/Warsaw');
  });
});
