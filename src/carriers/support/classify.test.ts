import { describe, expect, it } from 'vitest';
import { defineCodeTable } from '../adapter.js';
import { classify, classifyText } from './classify.js';

describe('classify', () => {
  const table = defineCodeTable('t', { DL: { status: 'delivered' } });

  it('takes a known code from the table', () => {
    expect(classify([table], ['DL'], 'whatever')).toEqual({ rule: { status: 'delivered' }, mapped: true });
  });

  it('gives an unknown code its class, else its text, else in_transit, and marks it unmapped', () => {
    expect(classify([table], ['ZZ'], 'Delivered', { status: 'exception' })).toEqual({
      rule: { status: 'exception' },
      mapped: false,
    });
    expect(classify([table], ['ZZ'], 'Out for delivery today').rule.status).toBe('out_for_delivery');
    expect(classify([table], ['ZZ'], 'Scan 42')).toEqual({ rule: { status: 'in_transit' }, mapped: false });
  });

  it('reads plain words in English, French and German, failures before successes', () => {
    expect(classifyText('Colis retourné à l’expéditeur')?.status).toBe('returning');
    expect(classifyText("Retour à l'expéditeur")?.status).toBe('returning');
    expect(classifyText('Delivery attempted, no one home')?.status).toBe('attempt_failed');
    expect(classifyText('Not delivered: business closed')?.status).toBe('attempt_failed');
    expect(classifyText('Votre colis est livré')?.status).toBe('delivered');
    expect(classifyText('Die Sendung wurde zugestellt')?.status).toBe('delivered');
    expect(classifyText('')).toBeNull();
  });
});
