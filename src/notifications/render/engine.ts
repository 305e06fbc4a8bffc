import { Eta } from 'eta/core';
import { HTML_TEMPLATE, TEXT_TEMPLATE } from './templates.js';

// eta/core has no file-system loader: templates are compiled once, here, from strings and looked up by name.
// autoTrim off: the plain-text layout's line breaks are content; control tags trim their own line with -%>.
const eta = new Eta({ autoEscape: true, autoTrim: false, cache: true });
eta.loadTemplate('@email-html', HTML_TEMPLATE);
eta.loadTemplate('@email-text', TEXT_TEMPLATE);

export function renderTemplate(name: '@email-html' | '@email-text', data: object): string {
  return eta.render(name, data);
}
