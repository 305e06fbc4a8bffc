import { MIB } from '../support/signature.js';
import type { WebhookScheme } from '../webhook.js';

// DHL's Shipment Tracking Push API lets a subscription name an authentication header and token
// (`hook.authentication`, type ApiKeyAuthentication), but DHL does not document what a push then carries,
// and it signs nothing. Its connections are authenticated by a secret token in the webhook URL instead.

export const webhook: WebhookScheme = {
  description: 'not confirmed by DHL’s documentation: authenticated by a secret token in the URL',
  docs: 'https://developer.dhl.com/api-reference/shipment-tracking-unified-push',
  confirmed: false,
  secretIssuedBy: 'wismo',
  contentTypes: ['application/json'],
  maxBodyBytes: 2 * MIB,
  keepHeaders: ['user-agent'],
};
