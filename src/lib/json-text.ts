/**
 * A response body already serialized, typically by Postgres from the read model. Branded so a plain string
 * cannot be sent as JSON by mistake; its shape is the zod schema of the route that sends it.
 */
export type JsonText = string & { readonly __json: unique symbol };

/**
 * JSON for a jsonb column. Postgres refuses the NUL character in jsonb (and in text), so it is dropped from
 * every string: one stray NUL in a carrier's message would otherwise make the whole write fail.
 */
export function jsonForPostgres(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'string' ? v.replaceAll('\u0000', '') : v));
}
