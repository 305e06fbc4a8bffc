import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../notifications/model.js';
import { count, escaped, MISSING_KEY, tags, text } from './html.fixture.js';
import { CATALOGS } from './i18n.js';
import { renderLookupPage, renderNotFoundPage } from './index.js';
import { merchant } from './page.fixture.js';
import type { LookupPageView } from './types.js';

function lookupView(overrides: Partial<LookupPageView> = {}): LookupPageView {
  return {
    locale: 'en',
    merchant,
    action: '/track/acme',
    orderNumber: '',
    contact: '',
    trackingNumber: '',
    message: null,
    langLinks: [{ locale: 'pl', href: '/track/acme?lang=pl' }],
    ...overrides,
  };
}

describe('renderLookupPage', () => {
  const html = renderLookupPage(lookupView());

  it('has two forms posting to the action, with exactly the expected fields', () => {
    const forms = tags(html, 'form');
    expect(forms).toEqual([
      { method: 'post', action: '/track/acme' },
      { method: 'post', action: '/track/acme' },
    ]);
    const [orderForm = '', trackingForm = ''] = html.split('<form').slice(1);
    expect(tags(orderForm, 'input').map((i) => i.name)).toEqual(['orderNumber', 'contact']);
    expect(tags(trackingForm, 'input').map((i) => i.name)).toEqual(['trackingNumber']);
    expect(count(html, '<button type="submit">')).toBe(2);
  });

  it('labels every field and gives each an autocomplete hint', () => {
    const inputs = tags(html, 'input');
    expect(inputs).toHaveLength(3);
    for (const input of inputs) {
      expect(input.id).toBeTruthy();
      expect(count(html, `<label for="${input.id}">`), input.id).toBe(1);
      expect(input.autocomplete, input.id).toBeTruthy();
      expect(input).toHaveProperty('required');
      // The hint is read out with the field.
      expect(html).toContain(`id="${input['aria-describedby']}"`);
    }
    // It takes an email, a phone or a postcode: one autocomplete purpose would be wrong for two of them.
    expect(inputs.find((i) => i.name === 'contact')?.autocomplete).toBe('off');
    expect(html).toContain('<label for="contact">Email, phone number or postcode</label>');
  });

  it('says the tracking-number form shows status and checkpoints only', () => {
    expect(html).toContain('Shows the delivery status and tracking history only, without order details.');
  });

  it('refills the values, escaped', () => {
    const evil = '"><script>alert(1)</script>';
    const page = renderLookupPage(lookupView({ orderNumber: evil, contact: evil, trackingNumber: evil }));
    expect(page).not.toMatch(/<script/i);
    expect(count(page, `value="${escaped(evil)}"`)).toBe(3);
  });

  it('shows no alert without a message', () => {
    expect(html).not.toContain('role="alert"');
  });

  it.each(['no_match', 'rate_limited', 'expired_link'] as const)(
    'announces %s in an alert region',
    (message) => {
      const page = renderLookupPage(lookupView({ message }));
      expect(count(page, 'role="alert"')).toBe(1);
      expect(page).toContain(
        `<div class="note bad" role="alert"><p>${escaped(CATALOGS.en.lookup[message])}</p></div>`,
      );
    },
  );

  it('answers every mismatch with the same sentence, naming no field', () => {
    const a = renderLookupPage(lookupView({ message: 'no_match', orderNumber: '1001', contact: 'a@b.c' }));
    const b = renderLookupPage(lookupView({ message: 'no_match', orderNumber: '9999', contact: '00-950' }));
    const alert = (page: string) => /role="alert"><p>([^<]*)</.exec(page)?.[1];
    expect(alert(a)).toBe('We couldn’t find an order with these details. Check them and try again.');
    expect(alert(b)).toBe(alert(a));
  });

  it.each(LOCALES)('renders in %s with every label translated', (locale) => {
    const page = renderLookupPage(lookupView({ locale, message: 'no_match' }));
    const catalog = CATALOGS[locale].lookup;
    expect(page).toContain(`<html lang="${locale}">`);
    expect(count(page, '<h1>')).toBe(1);
    for (const label of [catalog.orderNumber, catalog.contact, catalog.trackingNumber, catalog.no_match]) {
      expect(page).toContain(escaped(label));
    }
    expect(text(page)).not.toMatch(MISSING_KEY);
  });

  it('is a whole document with the merchant’s branding and no JavaScript', () => {
    for (const landmark of ['header', 'main', 'footer']) expect(count(html, `<${landmark}>`)).toBe(1);
    expect(html).toContain('alt="Acme Outdoor"');
    expect(html).toContain('<meta name="referrer" content="no-referrer">');
    expect(html).not.toMatch(/<script|<link|\son[a-z]+=/i);
    expect(html).toContain('<a href="/track/acme?lang=pl" lang="pl" hreflang="pl">Polski</a>');
  });

  it('posts back to the page itself when the action is not a safe link', () => {
    const page = renderLookupPage(lookupView({ action: 'javascript:alert(1)' }));
    expect(tags(page, 'form')).toEqual([{ method: 'post' }, { method: 'post' }]);
  });
});

describe('renderNotFoundPage', () => {
  it.each(LOCALES)('explains a broken link in %s and offers the lookup form', (locale) => {
    const html = renderNotFoundPage({ locale, lookupUrl: '/track/acme', reason: 'invalid_link' });
    const catalog = CATALOGS[locale].notFound;
    expect(html).toContain(`<html lang="${locale}">`);
    expect(html).toContain(`<h1>${escaped(catalog.invalid_link.title)}</h1>`);
    expect(html).toContain(`<a href="/track/acme">${escaped(catalog.lookup)}</a>`);
    expect(count(html, '<h1>')).toBe(1);
    expect(html).toContain('<meta name="robots" content="noindex">');
  });

  it('says where to turn when there is no lookup form to offer', () => {
    const html = renderNotFoundPage({ locale: 'en', lookupUrl: null, reason: 'not_found' });
    expect(html).toContain('<h1>We couldn’t find this page</h1>');
    expect(html).toContain('Please use the link in your latest email about the order');
    expect(html).not.toContain('<a ');
    for (const landmark of ['header', 'main', 'footer']) expect(count(html, `<${landmark}>`)).toBe(1);
  });
});
