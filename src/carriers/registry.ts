import type { CarrierAdapter } from './adapter.js';
import { adapter as aftership } from './aftership/index.js';
import { adapter as alliedExpress } from './allied_express/index.js';
import { adapter as amazonShipping } from './amazon_shipping/index.js';
import { adapter as aramex } from './aramex/index.js';
import { adapter as asendia } from './asendia/index.js';
import { adapter as asendiaUs } from './asendia_us/index.js';
import { adapter as australiapost } from './australiapost/index.js';
import { adapter as boxknight } from './boxknight/index.js';
import { adapter as bpost } from './bpost/index.js';
import { adapter as canadapost } from './canadapost/index.js';
import { adapter as canpar } from './canpar/index.js';
import { adapter as chronopost } from './chronopost/index.js';
import { adapter as dhlExpress } from './dhl_express/index.js';
import { adapter as dhlParcelDe } from './dhl_parcel_de/index.js';
import { adapter as dhlPoland } from './dhl_poland/index.js';
import { adapter as dhlUnified } from './dhl_unified/index.js';
import { adapter as dicom } from './dicom/index.js';
import { adapter as dpd } from './dpd/index.js';
import { adapter as easypost } from './easypost/index.js';
import { adapter as easyship } from './easyship/index.js';
import { adapter as eshipper } from './eshipper/index.js';
import { adapter as fedex } from './fedex/index.js';
import { adapter as geodis } from './geodis/index.js';
import { adapter as gls } from './gls/index.js';
import { adapter as hayPost } from './hay_post/index.js';
import { adapter as hermes } from './hermes/index.js';
import { adapter as landmark } from './landmark/index.js';
import { adapter as laposte } from './laposte/index.js';
import { adapter as locate2u } from './locate2u/index.js';
import type { MapResult, PayloadInput } from './model.js';
import { adapter as nationex } from './nationex/index.js';
import { adapter as parcelone } from './parcelone/index.js';
import { adapter as purolator } from './purolator/index.js';
import { adapter as roadie } from './roadie/index.js';
import { adapter as royalmail } from './royalmail/index.js';
import { adapter as sandbox } from './sandbox/index.js';
import { adapter as seko } from './seko/index.js';
import { adapter as sendle } from './sendle/index.js';
import { adapter as seventeentrack } from './seventeentrack/index.js';
import { adapter as shippo } from './shippo/index.js';
import { adapter as smartkargo } from './smartkargo/index.js';
import { adapter as spring } from './spring/index.js';
import { adapter as stampsCom } from './stamps_com/index.js';
import { failed } from './support/problems.js';
import { adapter as teleship } from './teleship/index.js';
import { adapter as tnt } from './tnt/index.js';
import { adapter as ups } from './ups/index.js';
import { adapter as usps } from './usps/index.js';
import { adapter as zoom2u } from './zoom2u/index.js';

// Every carrier wismo speaks. Adding a carrier = a folder under src/carriers/ and one line here.
export const ADAPTERS: readonly CarrierAdapter[] = [
  aftership,
  alliedExpress,
  amazonShipping,
  aramex,
  asendia,
  asendiaUs,
  australiapost,
  boxknight,
  bpost,
  canadapost,
  canpar,
  chronopost,
  dhlExpress,
  dhlParcelDe,
  dhlPoland,
  dhlUnified,
  dicom,
  dpd,
  easypost,
  easyship,
  eshipper,
  fedex,
  geodis,
  gls,
  hayPost,
  hermes,
  landmark,
  laposte,
  locate2u,
  nationex,
  parcelone,
  purolator,
  roadie,
  royalmail,
  sandbox,
  seko,
  sendle,
  seventeentrack,
  shippo,
  smartkargo,
  spring,
  stampsCom,
  teleship,
  tnt,
  ups,
  usps,
  zoom2u,
];

const byCode = new Map(ADAPTERS.map((a) => [a.code, a]));

export function getAdapter(code: string): CarrierAdapter | undefined {
  return byCode.get(code);
}

export function carrierCodes(): string[] {
  return [...byCode.keys()].sort();
}

/**
 * Maps a payload with its carrier's adapter. A mapper that throws is a wismo bug, not a carrier problem;
 * it is reported as `malformed` with code `mapper_exception` so one bad payload never stops a worker.
 */
export function mapPayload(adapter: CarrierAdapter, input: PayloadInput): MapResult {
  try {
    return adapter.map(input);
  } catch (err) {
    return failed('malformed', `${adapter.code} mapper failed: ${(err as Error).message}`, {
      code: 'mapper_exception',
    });
  }
}
