import { z } from 'zod';
import { CHANNELS, LOCALES, MILESTONES } from './model.js';

const Switches = z.object({ email: z.boolean(), sms: z.boolean() });

export const NotificationSettingsView = z
  .object({
    milestones: z.object(
      Object.fromEntries(MILESTONES.map((m) => [m, Switches])) as Record<
        (typeof MILESTONES)[number],
        typeof Switches
      >,
    ),
    sender: z.object({
      name: z.string().nullable(),
      email: z.string().nullable(),
      replyTo: z.string().nullable(),
      smsFrom: z.string().nullable(),
    }),
    branding: z.object({
      logoUrl: z.string().nullable(),
      primaryColor: z.string().nullable(),
      supportEmail: z.string().nullable(),
      supportUrl: z.string().nullable(),
    }),
    quietHours: z.object({ start: z.string(), end: z.string() }).nullable(),
    splitOrders: z.enum(['per_shipment', 'combined']),
    stallAfterBusinessDays: z.number().int(),
    timeZone: z.string(),
    defaultLocale: z.enum(LOCALES),
    operationsEmail: z.string().nullable(),
  })
  .meta({ id: 'NotificationSettings' });

export const NotificationLogEntry = z
  .object({
    id: z.uuid(),
    shipmentId: z.uuid().nullable(),
    milestone: z.enum(MILESTONES),
    occurrence: z.string().describe('For delayed: the estimated delivery date the delay was about'),
    channel: z.enum(CHANNELS),
    recipient: z.string().describe('Masked (here and in the reasons) unless the key has the agent scope'),
    locale: z.string(),
    status: z
      .enum(['pending', 'sending', 'sent', 'failed', 'skipped'])
      .describe('pending with statusReason quiet_hours: held until notBefore'),
    statusReason: z.string().nullable(),
    attempts: z.number().int(),
    providerId: z.string().nullable().describe('The SMTP server’s or SMS provider’s id for the message'),
    subject: z.string().nullable(),
    lastError: z.string().nullable(),
    notBefore: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    sentAt: z.string().nullable(),
  })
  .meta({ id: 'NotificationLogEntry' });

export const NotificationLog = z
  .object({ data: z.array(NotificationLogEntry) })
  .meta({ id: 'NotificationLog' });
