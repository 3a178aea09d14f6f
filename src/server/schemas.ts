import { z } from 'zod/v4';

/** A list in the query string: `a,b` or repeated keys. */
export const csv = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter((s) => s.length > 0))
  .pipe(z.array(z.string().max(200)).max(50));

/** An ISO 8601 date or date-time, normalised to a UTC ISO string. */
export const isoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'expected an ISO 8601 date')
  .transform((s) => new Date(s.length === 10 ? `${s}T00:00:00Z` : s).toISOString());

export const score = z.coerce.number().min(0).max(1);

export const idParam = z.object({ id: z.coerce.number().int().positive() });

export const limit = (max = 200, dflt = 50) => z.coerce.number().int().min(1).max(max).default(dflt);
export const offset = z.coerce.number().int().min(0).max(1_000_000).optional();

export const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
