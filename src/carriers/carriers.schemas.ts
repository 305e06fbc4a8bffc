import { z } from 'zod';
import { TrackingNumberInput } from '../shipments/shipments.schemas.js';

export const DetectCarrierBody = z
  .strictObject({ trackingNumber: TrackingNumberInput })
  .meta({ id: 'DetectCarrier' });

export const CarrierCandidateView = z
  .object({
    carrier: z.string().describe('wismo carrier code'),
    confidence: z.number().min(0).max(1).describe('0.9 and above: the number’s check digit verifies'),
    reason: z.string().describe('What matched'),
  })
  .meta({ id: 'CarrierCandidate' });

export const DetectionView = z
  .object({
    trackingNumber: z.string().describe('The number as wismo stores it'),
    candidates: z.array(CarrierCandidateView).describe('Most likely first; empty when no shape matched'),
  })
  .meta({ id: 'CarrierDetection' });

export const CarrierView = z
  .object({
    code: z.string(),
    name: z.string(),
    kind: z.enum(['carrier', 'aggregator', 'sandbox']),
  })
  .meta({ id: 'Carrier' });

export const CarrierListView = z.object({ data: z.array(CarrierView) }).meta({ id: 'CarrierList' });
