import { queryAs } from '@jcm/testing';
import type { ProgrammeHarness } from './programme-harness';

/** A cited bilingual rule message: `<ja> / <en> (<source>)`. */
export const CITED = /[ぁ-んァ-ン一-龥].* \/ [A-Za-z].* \(city-partnerships\.md.*\)$/;

/** The outbox event types of one aggregate id, oldest first. */
export async function eventsOf(h: ProgrammeHarness, id: string): Promise<string[]> {
  const rows = await queryAs<{ event_type: string }>(
    h.db.url,
    {},
    `SELECT event_type FROM partnership.outbox WHERE envelope->'data'->>'id' = $1 ORDER BY seq`,
    [id],
  );
  return rows.map((r) => r.event_type);
}
