// Opaque keyset cursors: the client gets a token, never an offset, so pages stay stable while rows change.

export interface Keyset {
  at: Date;
  id: string;
}

export function encodeCursor(k: Keyset): string {
  return Buffer.from(JSON.stringify([k.at.toISOString(), k.id])).toString('base64url');
}

/** Returns null when the token was not made by encodeCursor. */
export function decodeCursor(token: string): Keyset | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [at, id] = parsed;
    if (typeof at !== 'string' || typeof id !== 'string') return null;
    const date = new Date(at);
    if (Number.isNaN(date.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) return null;
    return { at: date, id };
  } catch {
    return null;
  }
}
