import {
  type CarrierAnswer,
  type PollClient,
  type PollContext,
  type PollItem,
  requestItems,
} from '../../polling/client.js';
import { carrierRequest, exchange, failOnStatus } from '../../polling/http.js';
import { credential } from '../../polling/oauth.js';
import { normalizeTrackingNumber } from '../../shipments/tracking-number.js';
import { type Node, parseJson, text } from '../support/parse.js';

// AfterShip Tracking API, a dated version (as-api-key header). GET /trackings/{slug}/{number} was removed in
// 2024-10 and 2024-07, the last version with it, is out of support; the current way to read trackings by
// number is GET /trackings?tracking_numbers=a,b,… (up to 50), whose {meta, data: {trackings: [...]}} map.ts
// reads, reporting the asked numbers AfterShip does not track as not found.
//
// wismo routes through the merchant's AfterShip connection the shipments of carriers it cannot poll itself,
// and those numbers are often not in the AfterShip account yet. So the trackings the list leaves out are
// created: one POST /trackings {tracking_number, slug} per missing number, after the list, one at a time
// (POST /trackings has its own limit, 20 requests/s since 2025-01, and a number is created once: the next
// poll finds it in the list). Each create answer is returned beside the list answer, as it came: a new
// tracking (no checkpoints yet, tag Pending) maps to a tracked shipment without events, which, coming after
// the list in the batch, clears the not-found state the list reported. "Tracking already exists" (meta
// 4003) adds nothing; a 429 is the carrier's rate limit as for the list; 5xx and timeouts are the carrier
// unavailable; any other 4xx, 401/403 included (a key allowed to read may not be allowed to create), is
// that number's answer, which the mapper reports as a carrier error on its shipment.
//
// The list is asked without a slug: the list endpoint takes slugs only as a filter, which would hide a
// tracking AfterShip keeps under a sibling slug (dhl / dhl-ecommerce…), and each tracking's own slug names
// its carrier. A create names the courier when wismo knows its AfterShip slug (CREATE_SLUGS); without one
// AfterShip detects the courier from the number.

const BATCH_SIZE = 50;
const VERSION = '2026-07';
const TRACKINGS = `/tracking/${VERSION}/trackings`;

/** AfterShip's "Tracking already exists." (HTTP 400). */
const ALREADY_EXISTS = 4003;

/**
 * wismo carrier code → AfterShip courier slug, for creating trackings. Only couriers whose slug names that
 * carrier and nothing wider: DPD, DHL Unified, Asendia, Sendle or Amazon are left to AfterShip's detection
 * (DPD has a slug per country, DHL Unified covers several DHL networks; the others' slugs could not be
 * confirmed). Sources: AfterShip's courier list and the reverse table of underlying.ts. Each slug maps back
 * to the same code in underlying.ts, so the created tracking lands on the shipment that asked for it.
 */
export const CREATE_SLUGS: Readonly<Record<string, string>> = {
  ups: 'ups',
  fedex: 'fedex',
  usps: 'usps',
  dhl_express: 'dhl',
  dhl_parcel_de: 'dhl-germany',
  dhl_poland: 'dhl-poland',
  royalmail: 'royal-mail',
  canadapost: 'canada-post',
  canpar: 'canpar',
  purolator: 'purolator',
  australiapost: 'australia-post',
  laposte: 'la-poste-colissimo',
  chronopost: 'chronopost-france',
  bpost: 'bpost',
  gls: 'gls',
  hermes: 'hermes-de',
  tnt: 'tnt',
  aramex: 'aramex',
  asendia_us: 'asendia-usa',
};

/** The AfterShip slug of a wismo carrier code, or undefined to let AfterShip detect the courier. */
export function createSlug(carrier: string): string | undefined {
  return Object.hasOwn(CREATE_SLUGS, carrier) ? CREATE_SLUGS[carrier] : undefined;
}

export const poll: PollClient = {
  batchSize: BATCH_SIZE,
  // GET /trackings is limited to 6 requests/s per organization since 2024-07
  // (aftership.com/docs/tracking/quickstart/rate-limit).
  rateLimit: { max: 6, durationMs: 1000 },
  defaultBaseUrl: 'https://api.aftership.com',
  credentialNames: ['apiKey'],
  docs: 'https://www.aftership.com/docs/tracking/jh865r66gc6hi-get-trackings',

  async poll(items, ctx) {
    const asked = requestItems(items, BATCH_SIZE, 'AfterShip');
    if (asked.length === 0) return [];
    const numbers = asked.map((i) => i.trackingNumber);
    const headers = { 'as-api-key': credential(ctx, 'apiKey'), accept: 'application/json' };
    const query = new URLSearchParams({ tracking_numbers: numbers.join(',') });
    const list = await carrierRequest(ctx, {
      method: 'GET',
      path: `${TRACKINGS}?${query}`,
      headers,
      requested: numbers,
    });
    const answers = [list];
    for (const number of untracked(list, numbers)) {
      const created = await createTracking(ctx, headers, number, carrierOf(items, number));
      if (created) answers.push(created);
    }
    return answers;
  },
};

/**
 * The asked numbers a list answer leaves out, each once. Only a list AfterShip answered as such counts: an
 * error, or a body that is not a list, says nothing about which numbers it tracks.
 */
function untracked(list: CarrierAnswer, numbers: readonly string[]): string[] {
  if (list.status < 200 || list.status >= 300) return [];
  const parsed = parseJson(list.body.toString('utf8'));
  if (!parsed.ok) return [];
  const body: Node = parsed.value;
  if (Number(body?.meta?.code) >= 400) return [];
  const trackings: Node = body?.data?.trackings;
  if (!Array.isArray(trackings)) return [];
  const seen = new Set<string>();
  for (const t of trackings) {
    const number = text(t?.tracking_number);
    if (number) seen.add(normalizeTrackingNumber(number));
  }
  return numbers.filter((n) => {
    const key = normalizeTrackingNumber(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function carrierOf(items: readonly PollItem[], number: string): string {
  return items.find((i) => i.trackingNumber === number)?.carrier ?? '';
}

/** POST /trackings for one number: its answer, or null when AfterShip already tracks it. */
async function createTracking(
  ctx: PollContext,
  headers: Record<string, string>,
  number: string,
  carrier: string,
): Promise<CarrierAnswer | null> {
  const slug = createSlug(carrier);
  const res = await exchange(ctx, {
    method: 'POST',
    path: TRACKINGS,
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(slug ? { tracking_number: number, slug } : { tracking_number: number }),
  });
  // 429, 5xx and timeouts throw as for the list. A 401/403 is about creating, not the key (the list was just
  // read with it): it is this number's answer.
  if (res.status !== 401 && res.status !== 403) failOnStatus(res.status, res.headers, res.body);
  if (res.status >= 400 && metaCode(res.body) === ALREADY_EXISTS) return null;
  return { requested: [number], status: res.status, contentType: res.contentType, body: res.body };
}

function metaCode(body: Buffer): number | null {
  const parsed = parseJson(body.toString('utf8'));
  const code = parsed.ok ? Number(parsed.value?.meta?.code) : Number.NaN;
  return Number.isFinite(code) ? code : null;
}
