import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Carrier credentials and webhook secrets at rest: AES-256-GCM with a random nonce per value. Layout:
// version (1 byte) | nonce (12) | auth tag (16) | ciphertext. The version byte leaves room for key rotation.

const VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('SecretBox needs a 32-byte key');
  }

  seal(plaintext: string): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), body]);
  }

  /** Throws when the value was altered or sealed with another key. */
  open(sealed: Buffer): string {
    if (sealed.length < 1 + NONCE_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
      throw new Error('not a sealed value of a known version');
    }
    const nonce = sealed.subarray(1, 1 + NONCE_BYTES);
    const tag = sealed.subarray(1 + NONCE_BYTES, 1 + NONCE_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce);
    decipher.setAuthTag(tag);
    return Buffer.concat([
      decipher.update(sealed.subarray(1 + NONCE_BYTES + TAG_BYTES)),
      decipher.final(),
    ]).toString('utf8');
  }

  sealJson(value: unknown): Buffer {
    return this.seal(JSON.stringify(value));
  }

  openJson<T>(sealed: Buffer): T {
    return JSON.parse(this.open(sealed)) as T;
  }
}

/** A 32-byte key for one purpose, derived from ENCRYPTION_KEY: one secret to keep, no key used twice. */
export function deriveKey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32));
}
