import { isValidSandboxNumber, luhnCheckDigit, SANDBOX_NUMBER } from '../carriers/sandbox/format.js';

// A sandbox number carries its own label time, so tracking needs no storage: any process, restarted or
// not, answers the same document for the same number. 9 digits of seconds cover 31 years from the epoch.

export const SANDBOX_EPOCH_MS = Date.UTC(2025, 0, 1);
export const MAX_LABEL_SECONDS = 999_999_999;
export const SERIALS_PER_SECOND = 100;

export interface DecodedNumber {
  labelTime: Date;
  serial: number;
}

/** The number of a label created at `labelTime` (whole seconds are kept) with a serial of 0-99. */
export function labelNumber(labelTime: Date, serial: number): string {
  const seconds = Math.floor((labelTime.getTime() - SANDBOX_EPOCH_MS) / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_LABEL_SECONDS) {
    throw new RangeError(`label time ${labelTime.toISOString()} is outside the sandbox number range`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial >= SERIALS_PER_SECOND) {
    throw new RangeError(`serial ${serial} is not 0-${SERIALS_PER_SECOND - 1}`);
  }
  const digits = `${String(seconds).padStart(9, '0')}${String(serial).padStart(2, '0')}`;
  return `SBX${digits}${luhnCheckDigit(digits)}`;
}

/** The label time and serial of a sandbox number; null when it is not a valid SBX number. */
export function decodeNumber(number: string): DecodedNumber | null {
  if (!isValidSandboxNumber(number)) return null;
  const digits = SANDBOX_NUMBER.exec(number)?.[1] as string;
  return {
    labelTime: new Date(SANDBOX_EPOCH_MS + Number(digits.slice(0, 9)) * 1000),
    serial: Number(digits.slice(9)),
  };
}

/** What a caller typed, as the carrier reads it: case, spaces and dashes do not matter. */
export function normalizeNumber(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}
