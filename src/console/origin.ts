import type { FastifyRequest } from 'fastify';

// CSRF's second lock, beside the form token: a state-changing request made with a console session must come
// from the console's own pages.

/**
 * Whether a form post comes from this console: the browser's Origin (or, from browsers that leave it out,
 * the Referer) must be this service's public origin or the host the request was sent to.
 */
export function sameOrigin(request: FastifyRequest, publicBaseUrl: string): boolean {
  const claimed = request.headers.origin ?? request.headers.referer;
  if (typeof claimed !== 'string' || claimed === 'null') return false;
  let origin: string;
  try {
    origin = new URL(claimed).origin;
  } catch {
    return false;
  }
  const allowed = new Set([new URL(publicBaseUrl).origin, `${request.protocol}://${request.host}`]);
  return allowed.has(origin);
}
