import { DateTime, FixedOffsetZone } from 'luxon';

// SmartKargo runs on .NET and writes dates three ways: ISO without offset and up to seven fractional digits
// ("2026-04-17T23:43:17.6571145", which luxon reads), the WCF/ASP.NET JSON form "/Date(1713397397657)/" or
// "/Date(1713397397657+0200)/" (milliseconds since 1970 UTC, then the writer's offset), and bare .NET ticks
// (100 ns since 0001-01-01, a wall-clock time). This turns the last two into text resolveTime reads: an
// ISO instant with its offset for /Date()/, a local ISO time for ticks.

const WCF_DATE = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const TICKS = /^\d{17,19}$/;
const TICKS_AT_UNIX_EPOCH = 621355968000000000n;

export function dotNetDate(value: string | null): string | null {
  if (!value) return null;
  const wcf = WCF_DATE.exec(value);
  if (wcf) {
    const zone = wcf[2] ?? '+0000';
    const offset =
      (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
    const dt = DateTime.fromMillis(Number(wcf[1]), { zone: FixedOffsetZone.instance(offset) });
    return dt.isValid ? dt.toISO() : null;
  }
  if (TICKS.test(value)) {
    const ms = Number((BigInt(value) - TICKS_AT_UNIX_EPOCH) / 10000n);
    const dt = DateTime.fromMillis(ms, { zone: 'utc' });
    return dt.isValid ? dt.toISO({ includeOffset: false }) : null;
  }
  return value;
}
