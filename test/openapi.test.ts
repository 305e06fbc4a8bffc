import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH, renderOpenApi } from '../src/http/openapi-document.js';

type Operation = {
  operationId?: string;
  tags?: string[];
  security?: unknown[];
  responses: Record<string, unknown>;
};

describe('openapi/openapi.json', () => {
  it('is what the routes generate today (run npm run openapi after changing a route)', async () => {
    const committed = await readFile(OPENAPI_PATH, 'utf8');
    expect(committed).toBe(await renderOpenApi());
  });

  it('gives every operation an id, a tag, and, under /v1, auth and its error answers', async () => {
    const doc = JSON.parse(await renderOpenApi()) as { paths: Record<string, Record<string, Operation>> };
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(op.operationId, where).toBeTruthy();
        expect(ids.has(op.operationId ?? ''), `${where} operationId is unique`).toBe(false);
        ids.add(op.operationId ?? '');
        expect(op.tags?.length, where).toBeGreaterThan(0);
        if (path.startsWith('/v1/')) {
          expect(op.security, where).toEqual([{ bearerAuth: [] }]);
          for (const status of ['401', '403', '429'])
            expect(op.responses, `${where} documents ${status}`).toHaveProperty(status);
        }
      }
    }
  });
});
