import type { Locale, MessageFacts, Milestone } from '../model.js';
import { type Brand, brandOf, safeEmail, safeHttpUrl } from './brand.js';
import { en } from './catalogs/en.js';
import { countryName, formatCalendarDate, formatInstant } from './format.js';
import { type Translate, translator } from './i18n.js';

// Everything an email says, already translated and formatted, so the HTML and plain-text templates only lay
// it out and can never disagree about the facts.

export interface Row {
  label: string;
  value: string;
  /** Secondary line under the value (where and when a checkpoint happened). */
  note: string | null;
  /** The row as one plain-text line, punctuated the way the language does it. */
  line: string;
}

export interface Contact {
  label: string;
  text: string;
  href: string;
  line: string;
}

export interface EmailView {
  lang: Locale;
  merchant: string;
  brand: Brand;
  subject: string;
  preheader: string;
  greeting: string;
  headline: string;
  paragraphs: string[];
  edd: Row | null;
  rows: Row[];
  cta: { label: string; url: string; fallback: string; line: string };
  items: { title: string; lines: string[] } | null;
  /** Shown beside the advice when the shopper is asked to get in touch. */
  help: { title: string; contacts: Contact[] } | null;
  footer: { questions: string; sentBy: string; contacts: Contact[] };
}

/** Milestones where the estimated delivery date is still news; after that it is noise or stale. */
const SHOWS_EDD: ReadonlySet<Milestone> = new Set([
  'confirmed',
  'packed',
  'shipped',
  'in_transit',
  'delayed',
]);

/** Milestones whose advice asks the shopper to contact the merchant. */
const ASKS_FOR_CONTACT: ReadonlySet<Milestone> = new Set([
  'delivered',
  'attempt_failed',
  'exception',
  'returned',
]);

const KNOWN_PROBLEMS: ReadonlySet<string> = new Set(Object.keys(en.problem.substatus));
const ADVISED: ReadonlySet<string> = new Set(Object.keys(en.advice));

// `total`, not i18next's special `count`, so no plural lookup ever kicks in for "parcel 1 of 2".
function parcelValues(parcel: { index: number; count: number }): Record<string, number> {
  return { index: parcel.index, total: parcel.count };
}

/** Values every milestone text may use; `context` picks the `_parcel` wording for one parcel of a split order. */
export function milestoneValues(facts: MessageFacts): Record<string, unknown> {
  return {
    merchant: facts.merchant.name,
    order: facts.orderNumber,
    ...(facts.parcel ? { context: 'parcel', ...parcelValues(facts.parcel) } : {}),
  };
}

export function eddFor(facts: MessageFacts, style: 'long' | 'short'): string | null {
  if (!facts.edd || !SHOWS_EDD.has(facts.milestone)) return null;
  return formatCalendarDate(facts.edd, facts.locale, style);
}

function paragraphs(facts: MessageFacts, t: Translate): string[] {
  const out = [t(`lead.${facts.milestone}`, milestoneValues(facts))];
  if (facts.milestone === 'delayed') {
    if (facts.delayReason) out.push(t(`delay.${facts.delayReason}`));
    out.push(t(eddFor(facts, 'long') ? 'delay.newDate' : 'delay.noDate'));
  }
  if (facts.milestone === 'exception' || facts.milestone === 'attempt_failed') {
    out.push(
      facts.substatus && KNOWN_PROBLEMS.has(facts.substatus)
        ? t(`problem.substatus.${facts.substatus}`)
        : t('problem.generic', facts.milestone === 'attempt_failed' ? { context: 'attempt' } : {}),
    );
  }
  if (ADVISED.has(facts.milestone)) out.push(t(`advice.${facts.milestone}`));
  return out;
}

function row(t: Translate, label: string, value: string, note: string | null = null): Row {
  const line = t('format.labelValue', { label, value: note ? t('format.withNote', { value, note }) : value });
  return { label, value, note, line };
}

function checkpointRow(facts: MessageFacts, t: Translate): Row | null {
  const cp = facts.lastCheckpoint;
  if (!cp) return null;
  const city = cp.city?.trim() || null;
  const country = cp.countryCode ? countryName(cp.countryCode, facts.locale) : null;
  const place = city && country ? t('details.place', { city, country }) : (city ?? country);
  const time = formatInstant(cp.at, facts.locale, facts.timeZone);
  // A typographic separator between two data fields, not a sentence: it reads the same in every language.
  const note = [place, time].filter((part): part is string => Boolean(part)).join(' · ') || null;
  const text = cp.text.trim();
  // Some carriers send scans without a description; where and when is then the whole update.
  if (!text) return note ? row(t, t('details.lastUpdate'), note) : null;
  return row(t, t('details.lastUpdate'), text, note);
}

function rows(facts: MessageFacts, t: Translate): Row[] {
  const out = [row(t, t('details.order'), facts.orderNumber)];
  if (facts.parcel) {
    out.push(row(t, t('details.parcel'), t('details.parcelValue', parcelValues(facts.parcel))));
  }
  if (facts.carrier) out.push(row(t, t('details.carrier'), facts.carrier.name));
  if (facts.trackingNumber) out.push(row(t, t('details.trackingNumber'), facts.trackingNumber));
  const checkpoint = checkpointRow(facts, t);
  if (checkpoint) out.push(checkpoint);
  return out;
}

function contacts(facts: MessageFacts, t: Translate): Contact[] {
  const out: Contact[] = [];
  const email = safeEmail(facts.merchant.supportEmail);
  if (email) {
    const label = t('support.email');
    out.push({
      label,
      text: email,
      href: `mailto:${email}`,
      line: t('format.labelValue', { label, value: email }),
    });
  }
  const url = safeHttpUrl(facts.merchant.supportUrl);
  if (url) {
    const label = t('support.web');
    out.push({
      label,
      text: url,
      href: url,
      line: t('format.labelValue', { label, value: url }),
    });
  }
  return out;
}

export function emailView(facts: MessageFacts): EmailView {
  const t = translator(facts.locale);
  const values = milestoneValues(facts);
  const name = facts.shopperName?.trim();
  const body = paragraphs(facts, t);
  const edd = eddFor(facts, 'long');
  const support = contacts(facts, t);
  const ctaLabel = t('cta.track', values);
  return {
    lang: facts.locale,
    merchant: facts.merchant.name,
    brand: brandOf(facts.merchant),
    subject: t(`subject.${facts.milestone}`, values),
    preheader: body[0] ?? '',
    greeting: name ? t('greeting.named', { name }) : t('greeting.anonymous'),
    headline: t(`headline.${facts.milestone}`, values),
    paragraphs: body,
    edd: edd ? row(t, t(facts.milestone === 'delayed' ? 'edd.labelNew' : 'edd.label'), edd) : null,
    rows: rows(facts, t),
    cta: {
      label: ctaLabel,
      url: facts.trackingUrl,
      fallback: t('cta.fallback'),
      line: t('format.labelValue', { label: ctaLabel, value: facts.trackingUrl }),
    },
    items:
      facts.items.length > 0
        ? { title: t('items.title'), lines: facts.items.map((item) => t('items.line', item)) }
        : null,
    help:
      ASKS_FOR_CONTACT.has(facts.milestone) && support.length > 0
        ? { title: t('support.needHelp'), contacts: support }
        : null,
    footer: {
      questions: t('footer.questions'),
      sentBy: t('footer.sentBy', { merchant: facts.merchant.name }),
      contacts: support,
    },
  };
}
