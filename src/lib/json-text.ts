/**
 * A response body already serialized, typically by Postgres from the read model. Branded so a plain string
 * cannot be sent as JSON by mistake; its shape is the zod schema of the route that sends it.
 */
export type JsonText = string & { readonly __json: unique symbol };
