import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLLING_DOC_PATH, renderPollingDoc } from '../../src/carriers/polling-doc.js';
import { ADAPTERS, getAdapter, mapPayload } from '../../src/carriers/registry.js';
import { renderStatusesDoc, STATUSES_DOC_PATH } from '../../src/carriers/statuses-doc.js';
import { CARRIERS_DOC_PATH, renderCarriersDoc } from '../../src/carriers/webhooks-doc.js';
import { CarrierCode } from '../../src/shipments/shipments.schemas.js';
import { EXPECTED, FIXTURES_DIR, ownerOf } from '../helpers/carrier-fixtures.js';

// The registry as a whole: every fixture has an adapter with a fixture suite, the published code tables
// are current, and no adapter throws on anything it may be sent.

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? fixtureFiles(join(dir, d.name)) : [relative(FIXTURES_DIR, join(dir, d.name))],
  );
}

const FILES = fixtureFiles(FIXTURES_DIR).filter((f) => f !== 'EXPECTED.json' && f !== 'SOURCES.md');

describe('carrier registry', () => {
  it('docs/statuses.md is what the code tables generate (run npm run docs:statuses)', () => {
    expect(readFileSync(STATUSES_DOC_PATH, 'utf8')).toBe(renderStatusesDoc());
  });

  it('docs/carriers.md is what the webhook schemes generate (run npm run docs:carriers)', () => {
    expect(readFileSync(CARRIERS_DOC_PATH, 'utf8')).toBe(renderCarriersDoc());
    expect(readFileSync(POLLING_DOC_PATH, 'utf8')).toBe(renderPollingDoc());
  });

  it('every adapter lives in its own folder, under a valid carrier code, with a test', () => {
    for (const a of ADAPTERS) {
      expect(CarrierCode.safeParse(a.code).success, a.code).toBe(true);
      expect(existsSync(new URL(`../../src/carriers/${a.code}/index.ts`, import.meta.url)), a.code).toBe(
        true,
      );
      expect(
        existsSync(new URL(`../../src/carriers/${a.code}/${a.code}.test.ts`, import.meta.url)),
        a.code,
      ).toBe(true);
    }
  });

  it('every fixture file is read by a registered adapter whose test runs its fixture suite', () => {
    const owners = new Set<string>();
    for (const file of FILES) {
      const owner = ownerOf(file);
      expect(owner, file).not.toBeNull();
      expect(getAdapter(owner as string), `${file} → ${owner}`).toBeDefined();
      owners.add(owner as string);
    }
    for (const owner of owners) {
      const test = readFileSync(
        new URL(`../../src/carriers/${owner}/${owner}.test.ts`, import.meta.url),
        'utf8',
      );
      expect(test, owner).toContain('describeFixtures(');
    }
    for (const e of EXPECTED) expect(FILES, e.file).toContain(e.file);
  });

  it('no adapter throws, whatever the body: bad input is a typed problem', () => {
    const bodies = [
      '',
      ' ',
      'null',
      '[]',
      '{}',
      '{"a":',
      '<',
      '<a/>',
      '<?xml version="1.0"?><x><y></x>',
      'not a payload',
      '{"errors":[]}',
    ];
    for (const a of ADAPTERS) {
      for (const body of bodies) {
        const result = mapPayload(a, { body });
        expect(
          result.problems.map((p) => p.code),
          `${a.code} on ${JSON.stringify(body)}`,
        ).not.toContain('mapper_exception');
        for (const s of result.shipments)
          expect(s.events, `${a.code} invents no events from ${JSON.stringify(body)}`).toEqual([]);
      }
    }
  });

  it('no adapter throws on arbitrary JSON, or on its own fixtures cut short', () => {
    for (const a of ADAPTERS) {
      fc.assert(
        fc.property(fc.jsonValue(), (value) => {
          const result = mapPayload(a, { body: JSON.stringify(value) });
          return !result.problems.some((p) => p.code === 'mapper_exception');
        }),
        { numRuns: 60 },
      );
    }
    for (const file of FILES) {
      const owner = ownerOf(file);
      const adapter = owner ? getAdapter(owner) : undefined;
      if (!adapter) continue;
      const body = readFileSync(join(FIXTURES_DIR, file), 'utf8');
      for (const cut of [0.3, 0.6, 0.9]) {
        const result = mapPayload(adapter, { body: body.slice(0, Math.floor(body.length * cut)) });
        expect(
          result.problems.map((p) => p.code),
          `${file} cut at ${cut}`,
        ).not.toContain('mapper_exception');
      }
    }
  });
});
