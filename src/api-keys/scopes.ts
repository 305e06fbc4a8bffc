// What each scope allows. A key carries one or more; `admin` implies all of them.
//   orders:write   the merchant's backend: create and update orders, milestones, shipments; read everything
//   tracking:read  safe to embed in a storefront page: statuses and checkpoints, never shopper PII
//   agent          support agents: read everything including PII
//   admin          everything

export const SCOPES = ['orders:write', 'tracking:read', 'agent', 'admin'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function hasAnyScope(granted: readonly Scope[], required: readonly Scope[]): boolean {
  return granted.includes('admin') || required.some((s) => granted.includes(s));
}

/** Shopper PII (name, email, phone, address, items) is for the merchant's backend and its agents only. */
export function canSeePii(granted: readonly Scope[]): boolean {
  return hasAnyScope(granted, ['orders:write', 'agent']);
}
