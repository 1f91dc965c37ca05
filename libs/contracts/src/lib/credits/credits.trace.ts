import * as z from 'zod';
import { text } from '../shared/text';
import { parseSerial } from './credits.serial';

/**
 * NATS `credits.block.trace` (public): where a credit serial number (a block, or any unit range inside one, e.g.
 * `JP-TH001-2025-1-10`) was issued, and from which verified monitoring report (issue #11 scope 6). Public registry
 * data only: serials, project, vintage, quantity, the Joint Committee decision.
 */
export const TraceSerialQuery = z.object({
  serial: text({ max: 100, kind: 'name' }).pipe(
    z.string().refine((s) => parseSerial(s) !== null, 'A serial number such as JP-TH001-2025-1-100'),
  ),
});
export type TraceSerialQuery = z.infer<typeof TraceSerialQuery>;

export const SerialTraceView = z.object({
  serial: z.string(),
  registry: z.string(),
  projectReference: z.string(),
  vintage: z.number().int(),
  issuance: z.object({
    id: z.uuid(),
    monitoringPeriod: z.object({ start: z.iso.date(), end: z.iso.date() }),
    jointCommitteeDecisionRef: z.string(),
    quantity: z.string(),
    issuedAt: z.iso.datetime(),
  }),
  /** The verified monitoring report in mrv-service it was issued from; null for an issuance recorded directly. */
  monitoringReportId: z.uuid().nullable(),
});
export type SerialTraceView = z.infer<typeof SerialTraceView>;
