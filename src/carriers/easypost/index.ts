import type { CarrierAdapter } from '../adapter.js';
import { EASYPOST_STATUS, EASYPOST_STATUS_DETAIL } from './codes.js';
import { mapEasyPost } from './map.js';
import { poll } from './poll.js';
import { webhook } from './webhook.js';

// EasyPost's documented test tracking codes (EZ1000000001 … EZ7000000007), valid in test mode only. Real
// numbers belong to the carrier EasyPost tracks; they are detected as that carrier's.
const TEST_CODE = /^EZ([1-7])0{8}\1$/;

export const adapter: CarrierAdapter = {
  code: 'easypost',
  name: 'EasyPost',
  kind: 'aggregator',
  codeTables: [EASYPOST_STATUS_DETAIL, EASYPOST_STATUS],
  map: mapEasyPost,
  detect(number) {
    return TEST_CODE.test(number)
      ? [{ carrier: 'easypost', confidence: 0.9, reason: 'EasyPost test tracking code' }]
      : [];
  },
  webhook,
  poll,
};
