// What each scope allows. A key carries one or more; `admin` implies all of its merchant's scopes.
//   orders:write   the merchant's backend: create and update orders, milestones, shipments; read everything
//   tracking:read  safe to embed in a storefront page: statuses and checkpoints, never shopper PII
//   agent          support agents: read everything including PII
//   admin          everything of its merchant
//   operator       the deployment's operator: the queue dashboard, which holds every merchant's jobs. Not
//                  implied by admin (a merchant's admin must not see other merchants' jobs); keys are only
//                  ever minted by the CLI, so only who runs the deployment can make one.

export const SCOPES = ['orders:write', 'tracking:read', 'agent', 'admin', 'operator'] as const;
export type Scope = (typeof SCOPES)[number];

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

export function hasAnyScope(granted: readonly Scope[], required: readonly Scope[]): boolean {
  return required.some((s) => granted.includes(s) || (s !== 'operator' && granted.includes('admin')));
}

/** Shopper PII (name, email, phone, address, items) is for the merchant's backend and its agents only. */
export function canSeePii(granted: readonly Scope[]): boolean {
  return hasAnyScope(granted, ['orders:write', 'agent']);
}
