// How a carrier or aggregator proves that a webhook delivery is its own. Each pushing carrier describes its
// scheme beside its mapper (src/carriers/<code>/webhook.ts); the intake (src/intake) only runs it. Schemes are
// pure: the raw bytes, the headers and the clock in, a verdict out.

export interface WebhookDelivery {
  /** The body exactly as received: every scheme signs bytes, never re-serialized JSON. */
  readonly body: Buffer;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly now: Date;
}

export type RejectReason =
  | 'missing_signature'
  | 'malformed_signature'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'future_timestamp'
  | 'no_secret';

export type WebhookVerdict = { ok: true } | { ok: false; reason: RejectReason; detail: string };

export interface WebhookScheme {
  /** The scheme in a few words, for docs/carriers.md and for the detail of a rejection. */
  readonly description: string;
  /** Where the sender documents it. */
  readonly docs: string;
  /** What the merchant does at the sender with the URL and secret (docs/carriers.md). */
  readonly setup: string;
  /** Caveats: what could not be confirmed, what the sender does not do (docs/carriers.md). */
  readonly note?: string;
  /**
   * false when the sender's documentation does not let us confirm how it signs: its connections then
   * authenticate with a secret token in the webhook URL instead (webhook_auth 'url_token').
   */
  readonly confirmed: boolean;
  /** Who issues the secret: the sender (paste it into wismo) or wismo (paste it into the sender). */
  readonly secretIssuedBy: 'sender' | 'wismo';
  /** Media types the sender posts; anything else is answered 415. */
  readonly contentTypes: readonly string[];
  /** Larger bodies are answered 413 before they are read. */
  readonly maxBodyBytes: number;
  /** Headers kept with the raw payload (content-type always is): signatures, event ids, delivery ids. */
  readonly keepHeaders: readonly string[];
  /** Checks the delivery against every active secret (two during a rotation); absent when not confirmed. */
  verify?(delivery: WebhookDelivery, secrets: readonly string[]): WebhookVerdict;
  /** The sender's id of this delivery's event, when it has one: a repeat then stores one row. */
  eventId?(delivery: WebhookDelivery): string | null;
  /** A fresh secret in the form the sender expects, for senders whose secret wismo issues. */
  newSecret?(): string;
}

export const ok: WebhookVerdict = { ok: true };

export function reject(reason: RejectReason, detail: string): WebhookVerdict {
  return { ok: false, reason, detail };
}
