// The one way text reaches the analytics page: the `html` tag escapes every value it is given, unless the
// value is Markup that this tag made itself. Strings from the database (carrier codes, regions, labels) can
// therefore only ever be text, in HTML and in SVG alike (both are escaped the same way here).

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeText(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Already-escaped markup: what `html` made, or a constant of the page itself (its stylesheet). */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

function part(value: unknown): string {
  if (value instanceof Markup) return value.value;
  if (Array.isArray(value)) return value.map(part).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeText(value);
}

/** A template whose interpolations are escaped; arrays are joined; null, undefined and false print nothing. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += part(values[i]) + (strings[i + 1] ?? '');
  return new Markup(out);
}
