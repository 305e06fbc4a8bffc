import type { z } from 'zod';
import { NotFoundError } from '../errors.js';
import type { NotificationLogRepository } from './notifications.repository.js';
import type { NotificationLogEntry } from './notifications.schemas.js';
import {
  applySettings,
  type NotificationSettings,
  type NotificationSettingsInput,
  readSettings,
} from './settings.js';

// A merchant's notification settings and an order's message log.

/** "ana@example.com" → "a**@example.com", "+48500100200" → "+48*******00": enough to recognise, not to use. */
export function maskRecipient(recipient: string): string {
  if (recipient === '') return '';
  const at = recipient.indexOf('@');
  if (at > 0) return `${recipient[0]}${'*'.repeat(Math.max(at - 1, 2))}${recipient.slice(at)}`;
  if (recipient.length <= 5) return '*'.repeat(recipient.length);
  return `${recipient.slice(0, 3)}${'*'.repeat(recipient.length - 5)}${recipient.slice(-2)}`;
}

/** Providers quote the address they refused: the reasons are masked like the recipient. */
function maskIn(text: string | null, recipient: string): string | null {
  return text && recipient ? text.replaceAll(recipient, maskRecipient(recipient)) : text;
}

export class NotificationsService {
  constructor(private readonly log: NotificationLogRepository) {}

  async settings(merchantId: string): Promise<NotificationSettings> {
    const row = await this.log.settings(merchantId);
    if (!row) throw new NotFoundError('Merchant');
    return readSettings(row.stored, row.locale);
  }

  async updateSettings(merchantId: string, change: NotificationSettingsInput): Promise<NotificationSettings> {
    const next = applySettings(await this.settings(merchantId), change);
    const { defaultLocale, ...stored } = next;
    await this.log.saveSettings(merchantId, stored, defaultLocale);
    return next;
  }

  async forOrder(
    merchantId: string,
    orderId: string,
    fullRecipients: boolean,
  ): Promise<z.infer<typeof NotificationLogEntry>[]> {
    const rows = await this.log.forOrder(merchantId, orderId);
    if (!rows) throw new NotFoundError(`Order ${orderId}`);
    return rows.map((r) => ({
      id: r.id,
      shipmentId: r.shipmentId,
      milestone: r.milestone as z.infer<typeof NotificationLogEntry>['milestone'],
      occurrence: r.occurrence,
      channel: r.channel as 'email' | 'sms',
      recipient: fullRecipients ? r.recipient : maskRecipient(r.recipient),
      locale: r.locale,
      status: r.status as z.infer<typeof NotificationLogEntry>['status'],
      statusReason: fullRecipients ? r.statusReason : maskIn(r.statusReason, r.recipient),
      attempts: r.attempts,
      providerId: r.providerId,
      subject: r.subjectLine,
      lastError: fullRecipients ? r.lastError : maskIn(r.lastError, r.recipient),
      notBefore: r.notBefore.toISOString(),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      sentAt: r.sentAt?.toISOString() ?? null,
    }));
  }
}
