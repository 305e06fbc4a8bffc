import type { CarrierAdapter } from '../adapter.js';
import { AMAZON_DETAIL_CODE, AMAZON_EVENT_CODE } from './codes.js';
import { mapAmazonShipping } from './map.js';

export const adapter: CarrierAdapter = {
  code: 'amazon_shipping',
  name: 'Amazon Shipping',
  kind: 'carrier',
  codeTables: [AMAZON_EVENT_CODE, AMAZON_DETAIL_CODE],
  map: mapAmazonShipping,
};
