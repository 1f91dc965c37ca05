import { EntityManager } from 'typeorm';
import { DomainError } from '@jcm/contracts';

/**
 * A TPE gives its opinion only when every corrective action request and clarification request of the subject is
 * RESOLVED (issue #11 scope 4); forward action requests may stay open for the next verification.
 */
export async function assertNoOpenCorrections(m: EntityManager, subjectId: string): Promise<void> {
  const open: { number: string }[] = await m.query(
    `SELECT number FROM mrv.finding WHERE subject_id = $1 AND kind IN ('CAR', 'CL') AND status <> 'RESOLVED' ORDER BY number`,
    [subjectId],
  );
  if (open.length > 0) {
    throw new DomainError(
      'CONFLICT',
      `Findings ${open.map((f) => f.number).join(', ')} are not resolved yet.`,
      [{ path: 'findings', message: `Open: ${open.map((f) => f.number).join(', ')}` }],
    );
  }
}
