import { EntityManager } from 'typeorm';

/** A projection row: column name → value (bound as parameters, never spliced). */
export type ProjectionRow = Record<string, string | number | boolean | null | string[] | object>;

/**
 * Inserts a row or, when its key exists, overwrites it only if this event is not older than the one the row was
 * last written from (`as_of`): events of one aggregate may arrive in any order and a replay repeats them, so the
 * newest state wins either way. `keep` names columns an update never touches (tenancy filled from a parent).
 */
export async function upsertNewest(
  m: EntityManager,
  table: string,
  key: readonly string[],
  row: ProjectionRow,
  keep: readonly string[] = [],
): Promise<void> {
  const cols = Object.keys(row);
  const values = cols.map((c) => {
    const v = row[c];
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? JSON.stringify(v) : v;
  });
  const updates = cols
    .filter((c) => !key.includes(c) && !keep.includes(c))
    .map((c) => `${c} = EXCLUDED.${c}`);
  await m.query(
    `INSERT INTO portfolio.${table} (${cols.join(', ')}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(', ')})
     ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.join(', ')}
     WHERE portfolio.${table}.as_of <= EXCLUDED.as_of`,
    values,
  );
}

/**
 * Copies a parent's participants onto its children (a contract's onto its monthly reports, a project's onto its
 * issuances): run after writing either side, so whichever arrives first the child ends up with the parent's tenancy.
 */
export async function inheritTenancy(
  m: EntityManager,
  child: { table: string; fk: string },
  parent: { table: string; key: string },
  id: string,
): Promise<void> {
  await m.query(
    `UPDATE portfolio.${child.table} c SET participant_org_ids = p.participant_org_ids
       FROM portfolio.${parent.table} p
      WHERE p.${parent.key} = c.${child.fk} AND c.${child.fk} = $1 AND c.participant_org_ids <> p.participant_org_ids`,
    [id],
  );
}
