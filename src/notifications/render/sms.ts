import type { MessageFacts } from '../model.js';
import { translator } from './i18n.js';
import { eddFor, milestoneValues } from './view.js';

// Polish letters are outside the GSM 7-bit alphabet: one of them switches the whole SMS to UCS-2 and cuts a
// segment from 160 to 70 characters. Polish senders therefore write SMS without diacritics, and so do we.
const POLISH_TO_ASCII: Record<string, string> = {
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
  Ą: 'A',
  Ć: 'C',
  Ę: 'E',
  Ł: 'L',
  Ń: 'N',
  Ó: 'O',
  Ś: 'S',
  Ź: 'Z',
  Ż: 'Z',
};

function foldPolish(text: string): string {
  return text.replace(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/g, (c) => POLISH_TO_ASCII[c] ?? c);
}

export function renderSms(facts: MessageFacts): string {
  const t = translator(facts.locale);
  const status = t(`sms.status.${facts.milestone}`, milestoneValues(facts));
  const date = eddFor(facts, 'short');
  const edd = date ? t(facts.milestone === 'delayed' ? 'sms.newEdd' : 'sms.edd', { date }) : null;
  const message = t(edd ? 'sms.message_edd' : 'sms.message', {
    merchant: facts.merchant.name,
    status,
    edd,
    url: facts.trackingUrl,
  });
  // A merchant name with a line break or tab must not break the message layout.
  const flat = message.replace(/\s+/g, ' ').trim();
  return facts.locale === 'pl' ? foldPolish(flat) : flat;
}
