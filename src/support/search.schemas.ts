import { z } from 'zod';
import { ORDER_STATUSES } from '../domain/status.js';

export const SearchQuery = z.strictObject({
  q: z
    .string()
    .trim()
    .min(2, { message: 'must be at least 2 characters' })
    .max(200)
    .describe('An order number, email, phone, tracking number or name; partial from 3 characters'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

export const SearchHit = z
  .object({
    orderId: z.uuid(),
    orderNumber: z.string(),
    status: z.enum(ORDER_STATUSES),
    customer: z.object({
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    trackingNumbers: z.array(z.string()),
    matchedOn: z
      .enum(['order_number', 'tracking_number', 'email', 'phone', 'name'])
      .describe('The field that matched best'),
    score: z.number().describe('1 for an exact order or tracking number; lower for partial matches'),
    updatedAt: z.string(),
  })
  .meta({ id: 'SearchHit' });

export const SearchResult = z
  .object({ query: z.string(), data: z.array(SearchHit).describe('Best match first') })
  .meta({ id: 'SearchResult' });
