import { html, type Markup } from './markup.js';

// The table beside each chart: the same figures as text, for screen readers and for anyone who wants the
// numbers. The first column names the row (a <th scope="row">); the rest are figures, right-aligned. Wide
// or long tables scroll inside a focusable region, so a keyboard can scroll them too.

export interface TableSpec {
  id: string;
  caption: string;
  head: readonly string[];
  rows: readonly (readonly string[])[];
}

export function dataTable(spec: TableSpec): Markup {
  const head = spec.head.map((h, i) => html`<th scope="col"${i > 0 ? html` class="n"` : null}>${h}</th>`);
  const rows = spec.rows.map(
    ([first, ...rest]) =>
      html`<tr><th scope="row">${first ?? ''}</th>${rest.map((cell) => html`<td class="n">${cell}</td>`)}</tr>`,
  );
  const body =
    rows.length > 0 ? rows : html`<tr><td colspan="${spec.head.length}">No data for this period</td></tr>`;
  return html`<div class="tw" role="region" tabindex="0" aria-labelledby="${spec.id}-caption"><table id="${spec.id}"><caption id="${spec.id}-caption">${spec.caption}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
