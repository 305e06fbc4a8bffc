import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ApiKeysService } from '../api-keys/api-keys.service.js';
import { sameOrigin } from '../console/origin.js';
import type { ConsoleSessions } from '../console/session.js';
import { AppError, ForbiddenError, UnauthorizedError } from '../errors.js';
import { bearerToken } from './auth.js';

// The BullMQ dashboard (bull-board) for operators: every wismo queue, its jobs, their data and errors, with
// retry, promote and clean. An operator tool over the whole deployment, so there is no merchant scoping here:
// whoever `authorize` lets in sees every merchant's jobs. The pages, their API and their static files all sit
// behind the guard; the routes are hidden from the OpenAPI document (bull-board marks them hidden).

export const DASHBOARD_PATH = '/admin/queues';

export type DashboardAccess = 'ok' | 'unauthenticated' | 'forbidden';

/** Who may open the dashboard: passed in by the composition of the app. */
export type AuthorizeDashboard = (request: FastifyRequest) => Promise<DashboardAccess>;

/**
 * The dashboard's own policy, stricter than the API's default one: its scripts are files of this origin (no
 * inline script); its styles use inline attributes and Google's IBM Plex fonts.
 */
export const DASHBOARD_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline' https://fonts.googleapis.com",
  "font-src 'self' data: https://fonts.gstatic.com",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The deployment's operator: `Authorization: Bearer <key>` of a key with the operator scope (scripts,
 * proxies), or an agent console session opened with such a key (a browser, which cannot send a bearer key).
 * A merchant's admin scope does not reach here: the dashboard holds every merchant's jobs. Changes through
 * a session must come from this origin, as the console's own forms must.
 */
export function operatorAccess(
  apiKeys: ApiKeysService,
  sessions: ConsoleSessions,
  publicBaseUrl: string,
): AuthorizeDashboard {
  return async (request) => {
    const token = bearerToken(request);
    let principal = token ? await apiKeys.verify(token) : null;
    if (!token) {
      principal = (await sessions.read(request.cookies[sessions.cookieName]))?.principal ?? null;
      const reads = request.method === 'GET' || request.method === 'HEAD';
      if (principal && !reads && !sameOrigin(request, publicBaseUrl)) return 'forbidden';
    }
    if (!principal) return 'unauthenticated';
    return principal.scopes.includes('operator') ? 'ok' : 'forbidden';
  };
}

/**
 * bull-board installs an error handler of its own that answers every error as its own 500-ish JSON. wismo's
 * errors (the guard's 401 and 403) are passed on to the parent handler instead, so they leave as the API's
 * problem+json like everywhere else; rethrowing from a Fastify error handler does exactly that.
 */
class WismoFastifyAdapter extends FastifyAdapter {
  override setErrorHandler(handler: Parameters<FastifyAdapter['setErrorHandler']>[0]): this {
    return super.setErrorHandler((error) => {
      if (error instanceof AppError) throw error;
      return handler(error);
    });
  }
}

export interface DashboardOptions {
  queues: readonly Queue[];
  authorize: AuthorizeDashboard;
}

export function bullBoardRoutes(opts: DashboardOptions): FastifyPluginAsync {
  return async (app) => {
    // onRequest, before anything is parsed or served: the guard covers the page, its API and its files.
    app.addHook('onRequest', async (request, reply) => {
      const access = await opts.authorize(request);
      if (access === 'unauthenticated') throw new UnauthorizedError();
      if (access === 'forbidden') {
        throw new ForbiddenError('The queue dashboard is for operators: use a key with the admin scope.');
      }
      reply.header('content-security-policy', DASHBOARD_CSP);
      // Job data holds shopper contacts and tracking numbers: kept by no cache. The static files (named by
      // their content) keep the caching their server gives them.
      if (!request.url.startsWith(`${DASHBOARD_PATH}/static/`)) reply.header('cache-control', 'no-store');
    });
    const adapter = new WismoFastifyAdapter();
    adapter.setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: opts.queues.map((q) => new BullMQAdapter(q)),
      serverAdapter: adapter,
      options: { uiConfig: { boardTitle: 'wismo queues' } },
    });
    await app.register(adapter.registerPlugin(), { prefix: DASHBOARD_PATH });
  };
}
