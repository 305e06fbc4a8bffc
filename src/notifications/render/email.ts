import type { MessageFacts, RenderedEmail } from '../model.js';
import { renderTemplate } from './engine.js';
import { emailView } from './view.js';

export function renderEmail(facts: MessageFacts): RenderedEmail {
  const view = emailView(facts);
  return {
    subject: view.subject,
    text: renderTemplate('@email-text', view).trim(),
    html: renderTemplate('@email-html', view),
  };
}
