import { type Chrome, type Help, helpOf, merchantChrome, pageHref, plainChrome } from './chrome.js';
import { translator } from './i18n.js';
import type { LookupPageView, NotFoundPageView } from './types.js';

// The lookup form and the page for links that lead nowhere, translated, for the templates to lay out.

export interface Field {
  label: string;
  hint: string;
  value: string;
}

export interface LookupModel extends Chrome {
  heading: string;
  intro: string;
  /** One sentence for the whole form: a failed match never says which field did not match. */
  alert: string | null;
  /** Null: the attribute is left out and the forms post back to the page's own URL. */
  action: string | null;
  order: { title: string; orderNumber: Field; contact: Field; submit: string };
  tracking: { title: string; trackingNumber: Field; submit: string };
  help: Help | null;
}

export interface NotFoundModel extends Chrome {
  heading: string;
  text: string;
  lookup: { href: string; text: string } | null;
  noLookup: string;
}

export function lookupModel(view: LookupPageView): LookupModel {
  const t = translator(view.locale);
  const heading = t('lookup.title');
  return {
    ...merchantChrome(view.locale, t, view.merchant, heading, view.langLinks, null),
    heading,
    intro: t('lookup.intro'),
    alert: view.message ? t(`lookup.${view.message}`) : null,
    action: pageHref(view.action),
    order: {
      title: t('lookup.orderTitle'),
      orderNumber: {
        label: t('lookup.orderNumber'),
        hint: t('lookup.orderNumberHint'),
        value: view.orderNumber,
      },
      contact: { label: t('lookup.contact'), hint: t('lookup.contactHint'), value: view.contact },
      submit: t('lookup.submitOrder'),
    },
    tracking: {
      title: t('lookup.trackingTitle'),
      trackingNumber: {
        label: t('lookup.trackingNumber'),
        hint: t('lookup.trackingHint'),
        value: view.trackingNumber,
      },
      submit: t('lookup.submitTracking'),
    },
    help: helpOf(view.merchant, t),
  };
}

export function notFoundModel(view: NotFoundPageView): NotFoundModel {
  const t = translator(view.locale);
  const heading = t(`notFound.${view.reason}.title`);
  const lookup = pageHref(view.lookupUrl);
  return {
    ...plainChrome(view.locale, t, heading, null),
    heading,
    text: t(`notFound.${view.reason}.text`),
    lookup: lookup ? { href: lookup, text: t('notFound.lookup') } : null,
    noLookup: t('notFound.noLookup'),
  };
}
