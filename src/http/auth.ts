import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ApiKeysService, Principal } from '../api-keys/api-keys.service.js';
import { canSeePii, hasAnyScope, type Scope } from '../api-keys/scopes.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The scopes that may call this route (any one of them); routes without it are public. */
    scopes?: readonly Scope[];
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The bearer token of a request, or null. Cheap: used by the rate limiter before authentication. */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** The authenticated caller; only valid on routes that declare scopes. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthorizedError();
  return request.principal;
}

export function piiAllowed(request: FastifyRequest): boolean {
  return canSeePii(principalOf(request).scopes);
}

/**
 * Adds authentication to every route that declares scopes. It is appended to the route's own onRequest
 * hooks, so it runs after the rate limiter (registered first): floods of bad keys are throttled before
 * they cost a lookup, and unauthenticated requests never reach body parsing or validation.
 */
export function registerAuth(app: FastifyInstance, apiKeys: ApiKeysService): void {
  app.decorateRequest('principal', null);
  const authenticate = async (request: FastifyRequest): Promise<void> => {
    const required = request.routeOptions.config.scopes ?? [];
    const token = bearerToken(request);
    if (!token) throw new UnauthorizedError();
    const principal = await apiKeys.verify(token);
    if (!principal) throw new UnauthorizedError('The API key is not valid or has been revoked.');
    if (!hasAnyScope(principal.scopes, required)) {
      throw new ForbiddenError(
        `This route needs one of the scopes ${required.join(', ')}; the key has ${principal.scopes.join(', ')}.`,
      );
    }
    request.principal = principal;
  };
  app.addHook('onRoute', (route) => {
    if (!route.config?.scopes) return;
    const existing = route.onRequest;
    route.onRequest = [...(Array.isArray(existing) ? existing : existing ? [existing] : []), authenticate];
  });
}
