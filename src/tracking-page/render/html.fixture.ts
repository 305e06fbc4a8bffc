// Small readers for rendered HTML in tests: enough to check structure without a DOM dependency.

/** Every `<name …>` start tag's attributes, in document order. */
export function tags(html: string, name: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}(\\s[^>]*)?>`, 'g'))].map((m) =>
    Object.fromEntries([...(m[1] ?? '').matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map((a) => [a[1], a[2] ?? ''])),
  );
}

export function count(html: string, needle: string | RegExp): number {
  if (typeof needle === 'string') return html.split(needle).length - 1;
  return [...html.matchAll(new RegExp(needle.source, `${needle.flags.replace('g', '')}g`))].length;
}

/** What eta's autoEscape makes of a text. */
export function escaped(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** The text between the tags, to search for words a shopper would read. */
export function text(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');
}

/** Texts i18next returns for a missing key look like "heading.in_transit". */
export const MISSING_KEY =
  /\b(?:page|heading|parcelHeading|status|journey|step|parcelStep|notice|delay|detail|summary|parcel|items|help|lookup|notFound)\.[a-z][A-Za-z_]*\b/;
