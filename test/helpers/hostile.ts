import fc from 'fast-check';

// Inputs for the hostile-input suite, drawn with fast-check: values shaped by the API's own OpenAPI schemas
// (so requests get past the first check and reach the code behind it), then spoiled one field at a time with
// the things attackers and broken clients send.

type Schema = Record<string, unknown>;
type Components = Record<string, Schema>;

/** Strings that have broken parsers, queries, templates and logs somewhere. */
export const NASTY_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE orders; --",
  '" OR 1=1 --',
  '%',
  '_',
  '\\',
  '%00',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  '\u202Egnp.exe',
  '\uFEFF',
  'Ｔｅｓｔ',
  '👩‍👩‍👧‍👦',
  'ﷺ',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '<%= 7*7 %>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template injection probe, meant literally.
  '${7*7}',
  '../../../../etc/passwd',
  'http://169.254.169.254/latest/meta-data/',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '9007199254740993',
  '0x10',
  'true',
  'null',
  '[]',
  '{}',
  '\r\nSet-Cookie: a=b',
  'x'.repeat(10_000),
];

export const NASTY_NUMBERS = [
  -1,
  0,
  -0,
  1.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
];

/** Any JSON value at all, with the nasty strings among the strings. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(...NASTY_STRINGS),
  fc.constantFrom(...NASTY_NUMBERS),
  fc.dictionary(
    fc.constantFrom(...NASTY_STRINGS, 'orderNumber', 'carrier', 'url'),
    fc.jsonValue({ maxDepth: 2 }),
  ),
);

function resolve(schema: Schema, components: Components): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    return resolve(components[name] ?? {}, components);
  }
  return schema;
}

/** A value of the schema's shape: mostly valid, sometimes not, never trusted. */
export function fromSchema(schema: Schema, components: Components, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, components);
  if (depth > 6) return fc.constant(null);
  const options = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (options) return fc.oneof(...options.map((o) => fromSchema(o, components, depth + 1)));
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.const !== undefined) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string | undefined];
  const arbs = type.map((t) => byType(t, s, components, depth));
  return arbs.length === 1 ? (arbs[0] as fc.Arbitrary<unknown>) : fc.oneof(...arbs);
}

function byType(
  type: string | undefined,
  s: Schema,
  components: Components,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: typeof s.minimum === 'number' ? s.minimum : -1000,
        max: typeof s.maximum === 'number' ? Math.min(s.maximum, 2 ** 31) : 100_000,
      });
    case 'number':
      return fc.double({ noNaN: true, min: -1e6, max: 1e6 });
    case 'string':
      return stringFor(s);
    case 'array': {
      const items = (s.items as Schema | undefined) ?? {};
      return fc.array(fromSchema(items, components, depth + 1), {
        maxLength: Math.min(typeof s.maxItems === 'number' ? s.maxItems : 3, 3),
      });
    }
    case 'object':
    case undefined: {
      const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
      if (Object.keys(properties).length === 0)
        return fc.dictionary(fc.string({ maxLength: 8 }), anyJson, { maxKeys: 3 });
      const required = new Set((s.required as string[] | undefined) ?? []);
      const shape: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(properties)) shape[k] = fromSchema(v, components, depth + 1);
      return fc.record(shape, { requiredKeys: [...required].filter((k) => k in shape) });
    }
    default:
      return anyJson;
  }
}

function stringFor(s: Schema): fc.Arbitrary<string> {
  const max = typeof s.maxLength === 'number' ? Math.min(s.maxLength, 80) : 40;
  switch (s.format) {
    case 'uuid':
      return fc.uuid();
    case 'email':
      return fc.emailAddress();
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'uri':
      return fc.webUrl();
    default:
      return fc.oneof(fc.string({ minLength: 1, maxLength: max }), fc.stringMatching(/^[A-Z0-9]{4,20}$/));
  }
}

/** Replaces one leaf of a value (or the value itself) with something hostile: a wrong type, a nasty string. */
export function spoil(value: unknown): fc.Arbitrary<unknown> {
  const paths = leafPaths(value);
  if (paths.length === 0) return anyJson;
  return fc
    .tuple(fc.constantFrom(...paths), anyJson)
    .map(([path, bad]) => setAt(structuredClone(value), path, bad));
}

function leafPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
  const out: (string | number)[][] = [prefix];
  for (const [k, v] of entries) out.push(...leafPaths(v, [...prefix, k]));
  return out;
}

function setAt(root: unknown, path: (string | number)[], bad: unknown): unknown {
  if (path.length === 0) return bad;
  let at = root as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path[path.length - 1] as string | number] = bad;
  return root;
}

/** JSON text nested `depth` levels deep: parsers that recurse run out of stack on it. */
export function deeplyNested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
