import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { LOCALES, type MessageFacts, MILESTONES } from '../model.js';
import { FULL, MINIMAL } from './facts.fixture.js';
import { renderEmail } from './index.js';

/** Signs of a missing value or key: "undefined", "null", raw placeholders, or an i18next key echoed back. */
const LEFTOVER =
  /undefined|null|\{\{|\}\}|\b(subject|headline|lead|delay|problem|advice|edd|details|cta|support|footer|format|sms)\.[a-z]/;

describe('renderEmail: every milestone in every language', () => {
  for (const locale of LOCALES) {
    for (const milestone of MILESTONES) {
      for (const [name, base] of [
        ['all facts', FULL],
        ['no optional facts', MINIMAL],
      ] as const) {
        it(`${locale} ${milestone} (${name})`, () => {
          const email = renderEmail({ ...base, locale, milestone });
          for (const part of [email.subject, email.text, email.html]) {
            expect(part.trim()).not.toBe('');
            expect(part).not.toMatch(LEFTOVER);
          }
          expect(email.html).toContain(`<html lang="${locale}">`);
          expect(email.html).toContain(`href="${base.trackingUrl}"`);
          expect(email.text).toContain(base.trackingUrl);
          expect(email.html).not.toMatch(/<script|<style|<link|javascript:/i);
        });
      }
    }
  }
});

describe('renderEmail: facts', () => {
  const inTransit = (locale: MessageFacts['locale']) =>
    renderEmail({ ...FULL, locale, milestone: 'in_transit' });

  it('shows the estimated delivery date in the language of the message', () => {
    for (const part of [inTransit('pl').text, inTransit('pl').html])
      expect(part).toContain('wtorek, 8 grudnia');
    expect(inTransit('ru').text).toContain('Ожидаемая дата доставки: вторник, 8 декабря');
    expect(inTransit('ja').text).toContain('配達予定日：2026年12月8日(火)');
    expect(inTransit('en').text).toMatch(/Estimated delivery: Tuesday,? 8 December/);
  });

  it("shows the checkpoint time in the shopper's zone, with its place", () => {
    // 2026-12-07T23:30Z is 8 December 08:30 in Tokyo.
    expect(inTransit('en').text).toMatch(/Arrived at sort facility \(Osaka, Japan · 8 December at 08:30\)/);
    const utc = renderEmail({ ...FULL, timeZone: 'UTC' });
    expect(utc.text).toMatch(/7 December at 23:30/);
  });

  it('has the same facts in the plain text and the HTML', () => {
    const email = inTransit('en');
    for (const fact of [
      '#1001',
      'DHL Express',
      'JD014600006281230704',
      'Merino socks × 3',
      'help@acme.example',
    ]) {
      expect(email.text).toContain(fact);
      expect(email.html).toContain(fact);
    }
    expect(email.text).toContain('Parcel: 1 of 2');
    expect(email.subject).toBe('Parcel 1 of 2 from your Acme Outdoor order #1001 is on its way');
    expect(email.text).toMatch(/^Hi Anna,\n/);
  });

  it('speaks of the whole order when it is not split', () => {
    const email = renderEmail({ ...FULL, parcel: null, milestone: 'shipped' });
    expect(email.subject).toBe('Your Acme Outdoor order #1001 has shipped');
    expect(email.text).not.toContain('Parcel');
    expect(renderEmail({ ...MINIMAL, locale: 'pl', milestone: 'shipped' }).text).toMatch(/^Cześć!\n/);
  });

  it('explains a delay in plain words and gives the new date, or promises one', () => {
    const delayed = (delayReason: MessageFacts['delayReason'], edd: string | null) =>
      renderEmail({ ...FULL, milestone: 'delayed', delayReason, edd }).text;
    expect(delayed('carrier_reported', null)).toContain(
      'The carrier has let us know that your delivery is running late.',
    );
    expect(delayed('edd_passed', null)).toContain('The estimated delivery date has passed');
    expect(delayed('stalled', null)).toContain('hasn’t shared any updates for several days');
    expect(delayed('stalled', null)).toContain('as soon as there’s a new delivery date');
    expect(delayed('stalled', '2026-12-10')).toMatch(/New estimated delivery: Thursday,? 10 December/);
  });

  it('explains a known problem, falls back to a general sentence, and says where to get help', () => {
    const problem = (milestone: MessageFacts['milestone'], substatus: string | null) =>
      renderEmail({ ...FULL, milestone, substatus }).text;
    expect(problem('exception', 'customs_hold')).toContain('Your parcel is being held by customs.');
    expect(problem('attempt_failed', 'recipient_unavailable')).toContain(
      'Nobody was available to receive the parcel.',
    );
    expect(problem('exception', 'flux_capacitor')).toContain('The carrier has reported an issue');
    expect(problem('attempt_failed', null)).toContain('This can happen when nobody is in');
    const exception = renderEmail({ ...FULL, milestone: 'exception' });
    expect(exception.text).toContain(
      'Need help? Contact us:\nEmail: help@acme.example\nHelp centre: https://acme.example/help',
    );
    expect(exception.html).toContain('href="mailto:help@acme.example"');
  });

  it('shows where and when a checkpoint happened even without its text', () => {
    const at = '2026-12-07T23:30:00Z';
    const email = renderEmail({ ...FULL, lastCheckpoint: { at, text: ' ', city: null, countryCode: 'JP' } });
    expect(email.text).toContain('Latest update: Japan · 8 December at 08:30\n');
  });

  it('leaves the global i18next instance alone', () => {
    renderEmail(FULL);
    expect(i18next.isInitialized).toBeFalsy();
  });

  it('leaves out what is not known', () => {
    const email = renderEmail({ ...MINIMAL, milestone: 'in_transit' });
    expect(email.text).toMatch(/^Hello,\n/);
    for (const absent of [
      'Estimated delivery',
      'Carrier',
      'Tracking number',
      'Latest update',
      'Items',
      'Email:',
      '<img',
    ]) {
      expect(email.text + email.html).not.toContain(absent);
    }
  });
});

describe('renderEmail: HTML safety and branding', () => {
  const hostile: MessageFacts = {
    ...FULL,
    merchant: { ...FULL.merchant, name: '<script>alert("x")</script> & Sons' },
    shopperName: '<img src=x onerror=alert(1)>',
    items: [{ name: '<b>bold</b>', quantity: 1 }],
    lastCheckpoint: {
      ...(FULL.lastCheckpoint ?? { at: '', city: null, countryCode: null }),
      text: '"><svg onload=x>',
    },
  };

  it('escapes every interpolated value, once', () => {
    const { html, text } = renderEmail(hostile);
    expect(html).not.toMatch(/<script|<img src=x|<b>|<svg/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    expect(html).toContain('alt="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons"');
    expect(html).not.toContain('&amp;amp;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=x&gt;');
    // The plain-text part is not HTML: it shows the name as the merchant typed it.
    expect(text).toContain('<script>alert("x")</script> & Sons');
  });

  it('uses a valid brand colour and a readable label colour on it', () => {
    expect(renderEmail(FULL).html).toContain('background-color:#0a7d4f');
    const pale = renderEmail({ ...FULL, merchant: { ...FULL.merchant, primaryColor: '#FFEE99' } }).html;
    expect(pale).toContain('background-color:#ffee99');
    expect(pale).toMatch(/color:#111827;text-decoration:none/);
  });

  it('falls back to the default colour and drops unsafe links', () => {
    for (const primaryColor of ['red', '#fff', '#12345g', 'url(x)', '#000000;x:y']) {
      const html = renderEmail({ ...FULL, merchant: { ...FULL.merchant, primaryColor } }).html;
      expect(html).toContain('<td style="background-color:#1f2937;padding:20px 24px;');
      if (primaryColor.length > 4) expect(html).not.toContain(primaryColor);
    }
    const html = renderEmail({
      ...FULL,
      merchant: { ...FULL.merchant, logoUrl: 'javascript:alert(1)', supportUrl: 'javascript:alert(2)' },
    }).html;
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
  });
});
