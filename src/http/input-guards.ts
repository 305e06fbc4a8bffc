import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

// Input no well-meaning client sends, refused before it reaches a route, so it is the client's 400 and not our
// 500. The API's JSON bodies are parsed by Fastify's own parser (prototype poisoning refused), behind two
// checks of the raw text:
// - nesting deeper than MAX_DEPTH: parsing and scanning such a body recurses once per level, and a few
//   thousand levels exhaust the stack, which would otherwise surface as a 500;
// - a NUL character (\u0000) in a string: Postgres text cannot hold it, so it could only fail later, at the
//   insert, as our error instead of the client's.

const MAX_DEPTH = 64;

/** What is wrong with a JSON text before parsing it, or null. One pass, strings skipped. */
export function jsonTextProblem(text: string): string | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) {
        if (text.startsWith('u0000', i + 1))
          return 'a string holds a NUL character (\\u0000), which no field accepts';
        i++;
      } else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > MAX_DEPTH) return `the body is nested deeper than ${MAX_DEPTH} levels`;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return null;
}

export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const problem = jsonTextProblem(body as string);
    if (problem) {
      done(
        new AppError(400, 'malformed_json', 'Malformed JSON', `The JSON body was refused: ${problem}.`, [
          { in: 'body', field: '(root)', reason: problem },
        ]),
        undefined,
      );
      return;
    }
    parse(request, body as string, done);
  });
}

/** Pages answer odd input with pages, and refuse NUL in their own schemas (PageText). */
const PAGES = /^\/(t|track|console)(\/|\?|$)/;

/**
 * A NUL character anywhere in the URL (path or query, `%00`): no id, number, slug or search holds one, and
 * Postgres text cannot.
 */
export function registerUrlGuard(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (/%00/.test(request.url) && !PAGES.test(request.url)) {
      done(
        new AppError(
          400,
          'bad_request',
          'Bad request',
          'The URL holds a NUL character (%00), which nothing accepts.',
          [{ in: 'params', field: '(url)', reason: 'holds a NUL character (%00)' }],
        ),
      );
      return;
    }
    done();
  });
}
