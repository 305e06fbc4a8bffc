import { LRUCache } from 'lru-cache';
import { z } from 'zod';
import { readStoredFields } from '../lib/stored-fields.js';
import { isTimeZone } from '../lib/time-zone.js';
import { CHANNELS, type Channel, LOCALES, MILESTONES, type Milestone } from './model.js';

// A merchant's notification settings. Stored as one JSON object (merchants.notification_settings) and read
// through this schema, so a stored object written by an older version gets the defaults of what it lacks.

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const ChannelSwitches = z.strictObject({
  email: z.boolean().optional(),
  sms: z.boolean().optional(),
});

/** What most merchants want: every milestone by email, SMS only for what needs the shopper now. */
export const DEFAULT_CHANNELS: Record<Milestone, Record<Channel, boolean>> = {
  confirmed: { email: true, sms: false },
  packed: { email: false, sms: false },
  shipped: { email: true, sms: false },
  in_transit: { email: true, sms: false },
  out_for_delivery: { email: true, sms: true },
  delivered: { email: true, sms: true },
  delayed: { email: true, sms: true },
  attempt_failed: { email: true, sms: true },
  available_for_pickup: { email: true, sms: true },
  exception: { email: true, sms: false },
  returned: { email: true, sms: false },
};

const Color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour such as #1a73e8' });
const HttpsUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(2048);

export const NotificationSettingsInput = z.strictObject({
  milestones: z
    .partialRecord(z.enum(MILESTONES), ChannelSwitches)
    .optional()
    .describe('Channels per milestone; milestones and channels left out keep their current setting'),
  sender: z
    .strictObject({
      name: z.string().trim().min(1).max(100).nullish().describe('Display name; default: the merchant name'),
      email: z.email().max(254).nullish().describe('From address; default: NOTIFY_EMAIL_FROM'),
      replyTo: z.email().max(254).nullish(),
      smsFrom: z
        .string()
        .regex(/^(\+[1-9]\d{6,14}|[A-Za-z0-9 ]{1,11})$/, {
          message: 'must be an E.164 number or an alphanumeric sender ID of up to 11 characters',
        })
        .nullish()
        .describe('SMS sender; default: SMS_FROM'),
    })
    .optional(),
  branding: z
    .strictObject({
      logoUrl: HttpsUrl.nullish(),
      primaryColor: Color.nullish(),
      supportEmail: z.email().max(254).nullish(),
      supportUrl: HttpsUrl.nullish(),
    })
    .optional(),
  quietHours: z
    .strictObject({
      start: z.string().regex(HHMM, { message: 'must be a time such as 21:00' }),
      end: z.string().regex(HHMM, { message: 'must be a time such as 08:00' }),
    })
    .nullish()
    .describe('SMS inside this window of the shopper’s local time are held until it ends; null: none'),
  splitOrders: z
    .enum(['per_shipment', 'combined'])
    .optional()
    .describe('Split orders: one message per shipment, or one per order milestone'),
  stallAfterBusinessDays: z.number().int().min(1).max(30).optional(),
  timeZone: z
    .string()
    .refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Warsaw' })
    .optional()
    .describe('Used when the shopper’s time zone is unknown'),
  defaultLocale: z.enum(LOCALES).optional().describe('Used when the shopper’s language has no template'),
  operationsEmail: z
    .email()
    .max(254)
    .nullish()
    .describe('Where wismo writes when it disables a failing webhook endpoint'),
});
export type NotificationSettingsInput = z.infer<typeof NotificationSettingsInput>;

export interface NotificationSettings {
  milestones: Record<Milestone, Record<Channel, boolean>>;
  sender: { name: string | null; email: string | null; replyTo: string | null; smsFrom: string | null };
  branding: {
    logoUrl: string | null;
    primaryColor: string | null;
    supportEmail: string | null;
    supportUrl: string | null;
  };
  quietHours: { start: string; end: string } | null;
  splitOrders: 'per_shipment' | 'combined';
  stallAfterBusinessDays: number;
  timeZone: string;
  defaultLocale: (typeof LOCALES)[number];
  operationsEmail: string | null;
}

export const DEFAULT_SETTINGS: NotificationSettings = {
  milestones: DEFAULT_CHANNELS,
  sender: { name: null, email: null, replyTo: null, smsFrom: null },
  branding: { logoUrl: null, primaryColor: null, supportEmail: null, supportUrl: null },
  quietHours: { start: '21:00', end: '08:00' },
  splitOrders: 'per_shipment',
  stallAfterBusinessDays: 3,
  timeZone: 'UTC',
  defaultLocale: 'en',
  operationsEmail: null,
};

/** Applies a change to settings: nested objects merge field by field; null clears. */
export function applySettings(
  current: NotificationSettings,
  change: NotificationSettingsInput,
): NotificationSettings {
  const milestones = { ...current.milestones };
  for (const m of MILESTONES) {
    const c = change.milestones?.[m];
    if (!c) continue;
    const next = { ...milestones[m] };
    for (const ch of CHANNELS) if (c[ch] !== undefined) next[ch] = c[ch] as boolean;
    milestones[m] = next;
  }
  const merge = <T extends object>(base: T, patch: Partial<Record<keyof T, unknown>> | undefined): T => {
    const out = { ...base } as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch ?? {})) if (v !== undefined) out[k] = v;
    return out as T;
  };
  return {
    milestones,
    sender: merge(current.sender, change.sender),
    branding: merge(current.branding, change.branding),
    quietHours: change.quietHours === undefined ? current.quietHours : change.quietHours,
    splitOrders: change.splitOrders ?? current.splitOrders,
    stallAfterBusinessDays: change.stallAfterBusinessDays ?? current.stallAfterBusinessDays,
    timeZone: change.timeZone ?? current.timeZone,
    defaultLocale: change.defaultLocale ?? current.defaultLocale,
    operationsEmail: change.operationsEmail === undefined ? current.operationsEmail : change.operationsEmail,
  };
}

/**
 * Reads stored settings; anything missing or no longer valid falls back to its default. The default language
 * lives in merchants.default_locale (set when the merchant was created), so it is passed in.
 */
export function readSettings(stored: unknown, merchantLocale: string | null): NotificationSettings {
  // Read for every message, relayed event and delay check: the same few merchants' settings, parsed once.
  const key = `${merchantLocale ?? ''}|${JSON.stringify(stored ?? {})}`;
  let settings = readCache.get(key);
  if (!settings) {
    const base = applySettings(DEFAULT_SETTINGS, readStoredFields(NotificationSettingsInput, stored));
    const locale = LOCALES.find((l) => l === merchantLocale?.slice(0, 2).toLowerCase());
    settings = Object.freeze({ ...base, defaultLocale: locale ?? 'en' });
    readCache.set(key, settings);
  }
  return settings;
}

const readCache = new LRUCache<string, NotificationSettings>({ max: 1000 });
