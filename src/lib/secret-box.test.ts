import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SecretBox } from './secret-box.js';

describe('SecretBox', () => {
  const box = new SecretBox(randomBytes(32));

  it('round-trips text and JSON without keeping the plaintext visible', () => {
    const sealed = box.sealJson({ clientSecret: 'fedex-secret-123' });
    expect(sealed.toString('latin1')).not.toContain('fedex-secret-123');
    expect(box.openJson(sealed)).toEqual({ clientSecret: 'fedex-secret-123' });
  });

  it('uses a fresh nonce each time', () => {
    expect(box.seal('same').equals(box.seal('same'))).toBe(false);
  });

  it('refuses altered values and other keys', () => {
    const sealed = box.seal('webhook-secret');
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] = (altered[altered.length - 1] ?? 0) ^ 1;
    expect(() => box.open(altered)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
    expect(() => box.open(Buffer.from('short'))).toThrow(/known version/);
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow(/32-byte/);
  });
});
