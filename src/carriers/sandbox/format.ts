// The sandbox carrier's tracking format: ours to define, shaped like a modern carrier API so the sandbox
// service (and anyone writing a carrier for wismo) exercises every part of the pipeline.
//
// Tracking numbers: "SBX" + 11 digits + 1 Luhn check digit over those digits (SBX000000000019).
//
// A tracking document (poll answer, or `data` of a webhook `{ "type": "tracking.updated", "data": … }`):
// { "trackingNumber", "service"?, "estimatedDelivery"? (YYYY-MM-DD), "estimatedWindow"? {start, end},
//   "signedBy"?, "pieces"?, "origin"? {city, region, postalCode, countryCode}, "destination"? {…},
//   "events": [{ "code", "description", "occurredAt" (ISO 8601 with offset), "location"? {…} }] }
// A batch answer (poll of several numbers): { "results": [ <tracking document> | { "trackingNumber",
//   "error": {…} } ] }.
// Errors: { "error": { "code": "not_found" | "unauthorized" | "rate_limited" | "unavailable", "message" } }

export const SANDBOX_NUMBER = /^SBX(\d{11})(\d)$/;

/** The Luhn check digit for a string of digits. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function sandboxTrackingNumber(serial: number): string {
  const digits = String(serial).padStart(11, '0');
  return `SBX${digits}${luhnCheckDigit(digits)}`;
}

export function isValidSandboxNumber(number: string): boolean {
  const m = SANDBOX_NUMBER.exec(number);
  return m !== null && luhnCheckDigit(m[1] as string) === Number(m[2]);
}
