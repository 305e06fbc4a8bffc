import { describe, expect, it } from 'vitest';
import { resolveDate, resolveTime, type TimeInput } from './time.js';
import { zoneForLocation } from './zone.js';

const at = (input: TimeInput) => {
  const r = resolveTime(input);
  if (!r.ok) throw new Error(r.reason);
  return r.time;
};

describe('resolveTime', () => {
  it('keeps an offset the carrier wrote', () => {
    expect(at({ value: '2024-08-15T17:02:00-04:00' })).toEqual({
      occurredAt: '2024-08-15T21:02:00.000Z',
      occurredAtLocal: '2024-08-15T17:02:00-04:00',
      utcOffsetMinutes: -240,
      offsetSource: 'carrier',
    });
    expect(at({ value: '2021-08-17T19:11:26+0200' }).occurredAt).toBe('2021-08-17T17:11:26.000Z');
  });

  it('uses a zone the carrier gives beside the time: abbreviation, offset or IANA name', () => {
    expect(at({ value: '2011-02-03 11:59:59', formats: ['yyyy-MM-dd HH:mm:ss'], zone: 'EST' })).toMatchObject(
      {
        occurredAt: '2011-02-03T16:59:59.000Z',
        offsetSource: 'carrier',
      },
    );
    expect(at({ value: '2020-05-01 08:00', formats: ['yyyy-MM-dd HH:mm'], zone: '+02:00' }).occurredAt).toBe(
      '2020-05-01T06:00:00.000Z',
    );
    expect(at({ value: '2020-05-01 08:00', formats: ['yyyy-MM-dd HH:mm'], zone: 'GMT-5' }).occurredAt).toBe(
      '2020-05-01T13:00:00.000Z',
    );
    expect(
      at({ value: '2020-07-01 08:00', formats: ['yyyy-MM-dd HH:mm'], zone: 'Europe/Paris' }).utcOffsetMinutes,
    ).toBe(120);
  });

  it('places a naive local time in the zone of its location, summer time included', () => {
    const memphis = { city: 'Memphis', region: 'TN', countryCode: 'US' };
    expect(at({ value: '20100802 103000', formats: ['yyyyMMdd HHmmss'], location: memphis })).toMatchObject({
      occurredAt: '2010-08-02T15:30:00.000Z',
      utcOffsetMinutes: -300,
      offsetSource: 'location_zone',
    });
    expect(
      at({ value: '17.03.2016 11:44', formats: ['dd.MM.yyyy HH:mm'], location: { countryCode: 'DE' } }),
    ).toMatchObject({
      occurredAt: '2016-03-17T10:44:00.000Z',
      offsetSource: 'location_zone',
    });
  });

  it('never drops AM/PM or seconds', () => {
    expect(at({ value: '8/17/2021 7:11:26 PM', formats: ['M/d/yyyy h:mm:ss a'] }).occurredAt).toBe(
      '2021-08-17T19:11:26.000Z',
    );
    expect(at({ value: 'January 6, 2016 10:45 pm', formats: ['MMMM d, yyyy h:mm a'] }).occurredAt).toBe(
      '2016-01-06T22:45:00.000Z',
    );
  });

  it('marks a time with no offset and no known place as assumed UTC', () => {
    expect(at({ value: '2024-01-02T03:04:05' })).toMatchObject({
      occurredAt: '2024-01-02T03:04:05.000Z',
      offsetSource: 'assumed_utc',
    });
    expect(
      at({ value: '2024-01-02T03:04:05', location: { city: 'Springfield', countryCode: 'US' } }).offsetSource,
    ).toBe('assumed_utc');
  });

  it('does not read the day of a bare date as an offset', () => {
    expect(at({ value: '2021-03-05', location: { countryCode: 'FR' } })).toMatchObject({
      occurredAt: '2021-03-04T23:00:00.000Z',
      offsetSource: 'location_zone',
    });
  });

  it('refuses placeholders and unreadable text with a reason', () => {
    expect(resolveTime({ value: '1970-01-01T00:00:00Z' })).toEqual({
      ok: false,
      reason: 'implausible time "1970-01-01T00:00:00Z"',
    });
    expect(resolveTime({ value: '9999-12-31' })).toMatchObject({ ok: false });
    expect(resolveTime({ value: 'tomorrow' })).toMatchObject({
      ok: false,
      reason: 'unreadable time "tomorrow"',
    });
    expect(resolveTime({ value: '' })).toEqual({ ok: false, reason: 'no time given' });
  });
});

describe('resolveDate', () => {
  it('reads estimates as calendar dates and drops placeholders', () => {
    expect(resolveDate('2026-11-27')).toBe('2026-11-27');
    expect(resolveDate('2026-11-27T00:00:00-05:00')).toBe('2026-11-27');
    expect(resolveDate('11/27/2026', ['MM/dd/yyyy'])).toBe('2026-11-27');
    expect(resolveDate('0001-01-01')).toBeNull();
  });
});

describe('zoneForLocation', () => {
  it('answers for one-zone countries, for cities of multi-zone ones, and not when unsure', () => {
    expect(zoneForLocation({ countryCode: 'FR' })).toBe('Europe/Paris');
    expect(zoneForLocation({ city: 'Memphis', region: 'TN', countryCode: 'US' })).toBe('America/Chicago');
    expect(zoneForLocation({ city: 'Perth', region: 'WA', countryCode: 'AU' })).toBe('Australia/Perth');
    expect(zoneForLocation({ countryCode: 'US' })).toBeNull();
    expect(zoneForLocation(null)).toBeNull();
  });
});
