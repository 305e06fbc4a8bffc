import { describe, expect, it } from 'vitest';
import { LOCALES, type MessageFacts, MILESTONES } from '../model.js';
import { FULL, MINIMAL } from './facts.fixture.js';
import { renderSms } from './index.js';

// GSM 03.38 basic alphabet (the extension table is left out: those characters cost two septets).
const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;

describe('renderSms', () => {
  for (const locale of LOCALES) {
    it(`${locale}: every milestone fits, names the merchant and links the tracking page`, () => {
      for (const milestone of MILESTONES) {
        for (const base of [FULL, MINIMAL]) {
          const sms = renderSms({ ...base, locale, milestone });
          expect(sms).toContain('Acme Outdoor');
          expect(sms).toContain(base.trackingUrl);
          expect(sms).not.toMatch(/undefined|null|\{\{|<[a-z]/);
          if (locale === 'ru' || locale === 'ja') {
            // UCS-2: three concatenated segments of 67 characters at most.
            expect(sms.length, sms).toBeLessThanOrEqual(201);
          } else {
            expect(sms, sms).toMatch(GSM7);
            expect(sms.length, sms).toBeLessThanOrEqual(160);
          }
        }
      }
    });
  }

  it('Japanese out-for-delivery SMS carries the tracking link', () => {
    const sms = renderSms({ ...FULL, locale: 'ja', milestone: 'out_for_delivery', parcel: null });
    expect(sms).toBe(
      '【Acme Outdoor】注文番号#1001の商品は本日お届け予定です。 配送状況：https://t.acme.example/o/Xy12ab34Cd',
    );
  });

  it('gives the estimated delivery date while it is news', () => {
    const sms = (milestone: MessageFacts['milestone'], locale: MessageFacts['locale'] = 'en') =>
      renderSms({ ...FULL, locale, milestone, parcel: null });
    expect(sms('in_transit')).toBe(
      'Acme Outdoor: Your order #1001 is on its way. Est. delivery: Tue 8 Dec. Track: https://t.acme.example/o/Xy12ab34Cd',
    );
    expect(sms('delayed')).toContain('New est. delivery: Tue 8 Dec.');
    expect(sms('delivered')).not.toContain('8 Dec');
    expect(sms('in_transit', 'ru')).toContain('Ожидаемая доставка: вт, 8 декабря.');
  });

  it('writes Polish without diacritics so it stays in one GSM segment', () => {
    expect(renderSms({ ...FULL, locale: 'pl', milestone: 'in_transit' })).toBe(
      'Acme Outdoor: paczka 1/2 z zamowienia #1001 jest w drodze. Przewidywana dostawa: wt., 8 grudnia. Sledz: https://t.acme.example/o/Xy12ab34Cd',
    );
  });

  it('keeps a merchant name with line breaks on one line', () => {
    const sms = renderSms({ ...MINIMAL, merchant: { ...MINIMAL.merchant, name: 'Acme\n  Outdoor' } });
    expect(sms).toMatch(/^Acme Outdoor: /);
  });
});
