// Tracking numbers are printed with spaces and dashes and typed in any case; stored and compared in one form.

export const TRACKING_NUMBER_PATTERN = /^[A-Z0-9]{4,64}$/;

export function normalizeTrackingNumber(raw: string): string {
  return raw.replace(/[\s-]+/g, '').toUpperCase();
}
