import type { z } from 'zod';

/**
 * A stored settings object read field by field against the schema that wrote it: a field an older version
 * wrote, or one no longer valid (a time zone the runtime dropped), loses only itself.
 */
export function readStoredFields<S extends z.ZodObject>(schema: S, stored: unknown): Partial<z.infer<S>> {
  const whole = schema.safeParse(stored ?? {});
  if (whole.success) return whole.data as Partial<z.infer<S>>;
  if (typeof stored !== 'object' || stored === null) return {};
  const out: Record<string, unknown> = {};
  const shape = schema.shape as Record<string, z.ZodType>;
  for (const [key, value] of Object.entries(stored)) {
    const field = shape[key]?.safeParse(value);
    if (field?.success) out[key] = field.data;
  }
  return out as Partial<z.infer<S>>;
}
