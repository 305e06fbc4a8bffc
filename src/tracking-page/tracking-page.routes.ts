import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PageText } from '../http/schemas.js';
import { pageLocale, renderNotFoundPage } from './render/index.js';
import type { PageAnswer, TrackingPageService } from './tracking-page.service.js';

// The shopper-facing pages: HTML, no JavaScript, no API key. Left out of the API reference (they are pages,
// not API); their inputs are still validated, and anything unexpected gets the generic not-found page.

// Pages allow their own inline styles, the merchant's https images, and forms posting to this origin only.
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src https:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const Lang = PageText(35).optional();
const Slug = PageText(63).pipe(z.string().min(1));

function send(reply: FastifyReply, answer: PageAnswer): FastifyReply {
  for (const [name, value] of Object.entries(answer.headers ?? {})) reply.header(name, value);
  // A page reached by a token must not be cached by shared caches, nor leak its URL onwards.
  reply.header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer');
  if (answer.redirect) return reply.code(answer.status).redirect(answer.redirect, answer.status as 303);
  return reply
    .code(answer.status)
    .header('content-security-policy', PAGE_CSP)
    .type('text/html; charset=utf-8')
    .send(answer.html ?? '');
}

/** The language asks of a page request, and its path (language links and the form post back to it). */
function pageRequest(request: FastifyRequest) {
  const lang = (request.query as { lang?: string }).lang;
  return { lang, acceptLanguage: request.headers['accept-language'] };
}

const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '';

export function trackingPageRoutes(pages: TrackingPageService): FastifyPluginAsyncZod {
  return async (app) => {
    // The lookup form posts application/x-www-form-urlencoded; the API itself stays JSON-only.
    await app.register(formbody, { bodyLimit: 4096 });
    const schema = { hide: true } as const;
    // A shopper never gets a JSON problem: input the pages do not expect (an over-long field, a malformed
    // form) is answered with the generic not-found page; anything else goes to the API's error handler.
    app.setErrorHandler((error: { statusCode?: number; validation?: unknown }, request, reply) => {
      const status = error.statusCode ?? 500;
      if (!error.validation && (status >= 500 || status === 429)) throw error;
      return send(reply, {
        status: 404,
        html: renderNotFoundPage({
          locale: pageLocale(undefined, null, request.headers['accept-language'], null),
          lookupUrl: null,
          reason: 'not_found',
        }),
      });
    });

    app.get(
      '/t/:token',
      {
        schema: {
          ...schema,
          params: z.object({ token: PageText(200) }),
          querystring: z.object({ lang: Lang }),
        },
      },
      async (request, reply) =>
        send(reply, await pages.byToken(request.params.token, pageRequest(request), pathOf(request))),
    );

    app.get(
      '/track/:merchant',
      { schema: { ...schema, params: z.object({ merchant: Slug }), querystring: z.object({ lang: Lang }) } },
      async (request, reply) =>
        send(reply, await pages.lookupForm(request.params.merchant, pageRequest(request), pathOf(request))),
    );

    app.post(
      '/track/:merchant',
      {
        schema: {
          ...schema,
          params: z.object({ merchant: Slug }),
          querystring: z.object({ lang: Lang }),
          body: z.object({
            orderNumber: PageText(200).optional(),
            contact: PageText(300).optional(),
            trackingNumber: PageText(200).optional(),
          }),
        },
      },
      async (request, reply) =>
        send(
          reply,
          await pages.lookup(
            request.params.merchant,
            request.body,
            request.ip,
            pageRequest(request),
            pathOf(request),
          ),
        ),
    );

    app.get(
      '/track/:merchant/n/:trackingNumber',
      {
        schema: {
          ...schema,
          params: z.object({ merchant: Slug, trackingNumber: PageText(100) }),
          querystring: z.object({ lang: Lang }),
        },
      },
      async (request, reply) =>
        send(
          reply,
          await pages.byTrackingNumber(
            request.params.merchant,
            request.params.trackingNumber,
            request.ip,
            pageRequest(request),
            pathOf(request),
          ),
        ),
    );
  };
}
