import { type RawBuilder, sql } from 'kysely';

// A lane is where a parcel goes from and to: the origin country → the destination country, and the
// destination region where it is known. Analytics report per carrier and lane, and predicted delivery dates
// are learned per carrier and lane, so both read it through these expressions.
//
// The origin is what the carrier reported; the destination is the carrier's, else the order's shipping
// address (storefronts know it before the carrier does). Country codes are upper-cased; unknown is NULL.
// `s` and `o` are the aliases of the shipments and orders tables in the query.

export function laneOrigin(s = 's'): RawBuilder<string | null> {
  return sql<string | null>`upper(nullif(${sql.ref(`${s}.origin`)} ->> 'countryCode', ''))`;
}

export function laneDestination(s = 's', o = 'o'): RawBuilder<string | null> {
  return sql<string | null>`upper(coalesce(
    nullif(${sql.ref(`${s}.destination`)} ->> 'countryCode', ''),
    nullif(${sql.ref(`${o}.shipping_address`)} ->> 'countryCode', '')))`;
}

/**
 * The destination region when the carrier or the address gives one, as written (trimmed, upper-cased). The
 * address's region counts only when the address is in the lane's destination country: a region never
 * belongs to another country than the lane's.
 */
export function laneRegion(s = 's', o = 'o'): RawBuilder<string | null> {
  return sql<string | null>`upper(btrim(coalesce(
    nullif(${sql.ref(`${s}.destination`)} ->> 'region', ''),
    CASE WHEN upper(nullif(${sql.ref(`${o}.shipping_address`)} ->> 'countryCode', '')) = ${laneDestination(s, o)}
      THEN nullif(${sql.ref(`${o}.shipping_address`)} ->> 'region', '') END)))`;
}

/** "PL → DE" for people; "?" stands for a country nobody reported. */
export function laneLabel(origin: string | null, destination: string | null, region?: string | null): string {
  const to = region ? `${destination ?? '?'} (${region})` : (destination ?? '?');
  return `${origin ?? '?'} → ${to}`;
}
