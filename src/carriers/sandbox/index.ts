import type { CarrierAdapter } from '../adapter.js';
import { SANDBOX_CODES } from './codes.js';
import { isValidSandboxNumber, SANDBOX_NUMBER } from './format.js';
import { mapSandbox } from './map.js';
import { poll } from './poll.js';
import { webhook } from './webhook.js';

export const adapter: CarrierAdapter = {
  code: 'sandbox',
  name: 'wismo sandbox carrier',
  kind: 'sandbox',
  codeTables: [SANDBOX_CODES],
  map: mapSandbox,
  detect(number) {
    if (!SANDBOX_NUMBER.test(number)) return [];
    return isValidSandboxNumber(number)
      ? [{ carrier: 'sandbox', confidence: 0.99, reason: 'SBX number, check digit ok' }]
      : [{ carrier: 'sandbox', confidence: 0.3, reason: 'SBX number, check digit wrong' }];
  },
  webhook,
  poll,
};
