import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// A key looks like wismo_k3j9x2m4q8pz_<32 characters>. The part before the last underscore is the
// prefix: stored in clear, shown in lists, used to find the row. The whole key is stored only as a hash.

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PREFIX_ID_LENGTH = 12;
const SECRET_LENGTH = 32;
const KEY_PATTERN = /^(wismo_[a-z0-9]{12})_[A-Za-z0-9]{32}$/;

function randomString(length: number, alphabet: string): string {
  // Rejection sampling keeps every character uniform (256 is not a multiple of 62).
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

export interface NewKey {
  key: string;
  prefix: string;
  hash: Buffer;
}

export function generateApiKey(): NewKey {
  const prefix = `wismo_${randomString(PREFIX_ID_LENGTH, ALPHABET.slice(0, 26) + ALPHABET.slice(52))}`;
  const key = `${prefix}_${randomString(SECRET_LENGTH, ALPHABET)}`;
  return { key, prefix, hash: hashApiKey(key) };
}

export function hashApiKey(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

/** The prefix of a well-formed key, or null: malformed keys never reach the database. */
export function keyPrefix(key: string): string | null {
  return KEY_PATTERN.exec(key)?.[1] ?? null;
}

export function keyMatches(key: string, storedHash: Buffer): boolean {
  const hash = hashApiKey(key);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}
