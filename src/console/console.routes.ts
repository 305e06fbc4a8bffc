import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { PageText } from '../http/schemas.js';
import type { ConsolePage, ConsoleService } from './console.service.js';
import { sameOrigin } from './origin.js';
import type { ConsoleSession, ConsoleSessions } from './session.js';

// The agent console: server-rendered pages (no JavaScript) over the same services as the API. Left out of
// the API reference, like the tracking page. Sessions are cookies (see session.ts); every POST must carry
// the session's form token and come from this origin, so no other site can make an agent's browser act.

const CONSOLE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

declare module 'fastify' {
  interface FastifyRequest {
    consoleSession: ConsoleSession | null;
  }
}

function send(reply: FastifyReply, page: ConsolePage): FastifyReply {
  return reply
    .code(page.status)
    .header('content-security-policy', CONSOLE_CSP)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'same-origin')
    .header('x-robots-tag', 'noindex')
    .type('text/html; charset=utf-8')
    .send(page.html);
}

const see = (reply: FastifyReply, to: string) => reply.header('cache-control', 'no-store').redirect(to, 303);

const PageQuery = z.object({ q: PageText(400).optional() });
const OrderParams = z.object({ orderId: z.uuid() });
const RefreshParams = z.object({ orderId: z.uuid(), shipmentId: z.uuid() });
const PayloadParams = z.object({
  payloadId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53),
});
const Form = z.object({ csrf: z.string().max(200).optional() }).passthrough();

export function consoleRoutes(
  console: ConsoleService,
  sessions: ConsoleSessions,
  opts: { publicBaseUrl: string },
): FastifyPluginAsyncZod {
  const secure = sessions.secure;
  const cookie = sessions.cookieName;
  return async (app) => {
    await app.register(formbody, { bodyLimit: 4096 });
    app.decorateRequest('consoleSession', null);
    app.addHook('onRequest', async (request) => {
      request.consoleSession = await sessions.read(request.cookies[cookie]);
    });
    // Pages answer with pages: a bad id or an unknown order gets the console's own message, not JSON.
    app.setErrorHandler(
      async (error: Error & { statusCode?: number; validation?: unknown }, request, reply) => {
        const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
        if (status >= 500 && !error.validation) {
          // Said without the header's merchant lookup: the database may be what failed.
          request.log.error({ err: error }, 'console page failed');
          return send(reply, console.failurePage(status, request.id));
        }
        const text = error.validation
          ? 'That address is not one the console makes.'
          : status === 404
            ? 'Nothing here for your merchant: it may belong to another merchant, or the link is mistyped.'
            : error.message;
        return send(
          reply,
          await console.errorPage(request.consoleSession, error.validation ? 404 : status, text),
        );
      },
    );

    /**
     * The session of a page with shoppers' data (an agent's), or null after answering: the way to sign in,
     * or, for an operator's session, that these pages are not theirs.
     */
    const required = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleSession | null> => {
      const session = request.consoleSession;
      if (session?.agent) return session;
      if (!session) await see(reply, '/console');
      else await send(reply, await console.operatorOnly(session, 403));
      return null;
    };

    /** The session of a form post whose token and origin check out; otherwise the post is refused. */
    const posted = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleSession | null> => {
      const session = request.consoleSession;
      const token = (request.body as { csrf?: string } | undefined)?.csrf;
      if (session && sameOrigin(request, opts.publicBaseUrl) && sessions.csrfMatches(session, token))
        return session;
      await send(
        reply,
        await console.errorPage(
          session,
          403,
          session
            ? 'The form was stale or came from another site. Reload the page and try again.'
            : 'Your session has ended. Sign in again.',
        ),
      );
      return null;
    };

    const schema = { hide: true } as const;

    app.get('/console', { schema: { ...schema, querystring: PageQuery } }, async (request, reply) => {
      const session = request.consoleSession;
      if (!session) return send(reply, console.signIn(null));
      if (!session.agent) return send(reply, await console.operatorOnly(session, 200));
      return send(reply, await console.searchPage(session, request.query.q ?? ''));
    });

    app.post(
      '/console/sign-in',
      // Any length is read (and refused by the key check): a pasted paragraph gets the sign-in page's answer.
      { schema: { ...schema, body: z.object({ key: PageText(4000).default('') }).passthrough() } },
      async (request, reply) => {
        // Login CSRF: another site must not sign a browser in with a key of its choosing.
        if (!sameOrigin(request, opts.publicBaseUrl)) {
          return send(reply, { ...console.signIn('Sign in from the console’s own page.'), status: 403 });
        }
        const result = await sessions.signIn(request.body.key);
        if (result === null) return send(reply, console.signIn('That key is not valid or has been revoked.'));
        if (result === 'forbidden') {
          return send(reply, {
            ...console.signIn(
              'That key has neither the agent nor the operator scope. Ask an admin for an agent key.',
            ),
            status: 403,
          });
        }
        reply.setCookie(cookie, result.cookie, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure,
          maxAge: sessions.maxAgeSeconds,
        });
        request.log.info({ keyPrefix: result.principal.prefix }, 'agent console sign-in');
        return see(reply, '/console');
      },
    );

    app.post('/console/sign-out', { schema: { ...schema, body: Form } }, async (request, reply) => {
      if (!(await posted(request, reply))) return reply;
      reply.clearCookie(cookie, { path: '/', httpOnly: true, sameSite: 'strict', secure });
      return see(reply, '/console');
    });

    app.get(
      '/console/orders/:orderId',
      {
        schema: {
          ...schema,
          params: OrderParams,
          querystring: z.object({ refreshed: z.string().max(20).optional() }),
        },
      },
      async (request, reply) => {
        const session = await required(request, reply);
        if (!session) return reply;
        return send(reply, await console.orderPage(session, request.params.orderId, request.query.refreshed));
      },
    );

    app.post(
      '/console/orders/:orderId/shipments/:shipmentId/refresh',
      { schema: { ...schema, params: RefreshParams, body: Form } },
      async (request, reply) => {
        const session = await posted(request, reply);
        if (!session) return reply;
        if (!session.agent) return send(reply, await console.operatorOnly(session, 403));
        const outcome = await console.refresh(session, request.params.shipmentId);
        return see(reply, `/console/orders/${request.params.orderId}?refreshed=${outcome}`);
      },
    );

    app.get(
      '/console/raw-payloads/:payloadId',
      { schema: { ...schema, params: PayloadParams } },
      async (request, reply) => {
        const session = await required(request, reply);
        if (!session) return reply;
        return send(reply, await console.payloadPage(session, request.params.payloadId));
      },
    );

    app.get(
      '/console/analytics',
      // Checked by the analytics query schema, which names each wrong field on the page.
      { schema: { ...schema, querystring: z.record(z.string(), z.unknown()) } },
      async (request, reply) => {
        const session = await required(request, reply);
        if (!session) return reply;
        return send(reply, await console.analyticsPage(session, request.query));
      },
    );

    // Any other console address: the console's own not-found page, not the API's JSON.
    app.all('/console/*', { schema }, async (request, reply) =>
      send(
        reply,
        await console.errorPage(request.consoleSession, 404, 'That address is not one the console makes.'),
      ),
    );
  };
}
