import { Eta } from 'eta/core';
import { LAYOUT, LOOKUP, NOT_FOUND, PARTIALS, TRACKING } from './templates.js';

// eta/core has no file-system loader: templates are compiled once, here, from strings and looked up by
// name. autoEscape is on, so a value can only reach the page as text.
const eta = new Eta({ autoEscape: true, autoTrim: false, cache: true });
eta.loadTemplate('@layout', LAYOUT);
eta.loadTemplate('@tracking', TRACKING);
eta.loadTemplate('@lookup', LOOKUP);
eta.loadTemplate('@not-found', NOT_FOUND);
for (const [name, template] of Object.entries(PARTIALS)) eta.loadTemplate(name, template);

export type PageTemplate = '@tracking' | '@lookup' | '@not-found';

export function renderTemplate(name: PageTemplate, data: object): string {
  return eta.render(name, data);
}
