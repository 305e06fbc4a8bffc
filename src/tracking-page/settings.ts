import { z } from 'zod';
import { readStoredFields } from '../lib/stored-fields.js';

// What a merchant shows on the tracking page besides its branding (which it shares with the messages):
// self-service links, one promotion, and whether the carrier is named (some merchants prefer their own brand
// alone). Stored in merchants.tracking_page and read field by field, like the notification settings.

const HttpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048);

const FaqLink = z.strictObject({
  label: z.string().trim().min(1).max(60),
  url: HttpUrl,
});

const Promotion = z.strictObject({
  title: z.string().trim().min(1).max(80),
  text: z.string().trim().max(300).default(''),
  url: HttpUrl.nullish(),
  imageUrl: HttpUrl.nullish(),
});

export const TrackingPageSettingsInput = z.strictObject({
  faqLinks: z
    .array(FaqLink)
    .max(10)
    .optional()
    .describe('Self-service links shown on the page: returns, exchanges, delivery questions'),
  promotion: Promotion.nullish().describe('An optional block below the journey; null removes it'),
  hideCarrier: z.boolean().optional().describe('Leave the carrier’s name and link off the page'),
});
export type TrackingPageSettingsInput = z.infer<typeof TrackingPageSettingsInput>;

export interface TrackingPageSettings {
  faqLinks: { label: string; url: string }[];
  promotion: { title: string; text: string; url: string | null; imageUrl: string | null } | null;
  hideCarrier: boolean;
}

export const DEFAULT_PAGE_SETTINGS: TrackingPageSettings = {
  faqLinks: [],
  promotion: null,
  hideCarrier: false,
};

export function applyPageSettings(
  current: TrackingPageSettings,
  change: TrackingPageSettingsInput,
): TrackingPageSettings {
  return {
    faqLinks: change.faqLinks ?? current.faqLinks,
    promotion:
      change.promotion === undefined
        ? current.promotion
        : change.promotion === null
          ? null
          : {
              title: change.promotion.title,
              text: change.promotion.text,
              url: change.promotion.url ?? null,
              imageUrl: change.promotion.imageUrl ?? null,
            },
    hideCarrier: change.hideCarrier ?? current.hideCarrier,
  };
}

export function readPageSettings(stored: unknown): TrackingPageSettings {
  return applyPageSettings(DEFAULT_PAGE_SETTINGS, readStoredFields(TrackingPageSettingsInput, stored));
}
