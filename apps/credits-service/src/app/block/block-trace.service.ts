import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, parseSerial, SerialTraceView, TraceSerialQuery } from '@jcm/contracts';
import { DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';

interface TraceRow {
  registry: string;
  project_reference: string;
  vintage: number;
  issuance_id: string;
  monitoring_start: string;
  monitoring_end: string;
  joint_committee_ref: string;
  quantity: string;
  created_at: Date;
  monitoring_report_id: string | null;
}

/**
 * トレーサビリティ: a serial number (a block or any unit range inside one; blocks split on transfer) → the issuance
 * that created those units → the pending issuance it confirmed, i.e. the mrv monitoring report. Public registry
 * information, so it reads as the service (no tenant filter) and returns nothing private (no accounts, no holders).
 */
@Injectable()
export class BlockTraceService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async trace(q: TraceSerialQuery): Promise<SerialTraceView> {
    const s = parseSerial(q.serial);
    if (!s)
      throw new DomainError('VALIDATION_FAILED', 'Not a serial number', [
        { path: 'serial', message: 'Not a serial number' },
      ]);
    return inTenantTransaction(this.ds, 'system', async (m) => {
      const [row]: TraceRow[] = await m.query(
        `SELECT b.registry, b.project_reference, b.vintage, i.id AS issuance_id, to_char(i.monitoring_start, 'YYYY-MM-DD') AS monitoring_start,
                to_char(i.monitoring_end, 'YYYY-MM-DD') AS monitoring_end, i.joint_committee_ref, i.quantity::text AS quantity, i.created_at,
                p.monitoring_report_id
           FROM credits.credit_block b
           JOIN credits.issuance i ON i.id = b.issuance_id
           LEFT JOIN credits.pending_issuance p ON p.issuance_id = i.id
          WHERE b.registry = $1 AND b.project_reference = $2 AND b.vintage = $3 AND b.first_unit <= $4::bigint AND b.last_unit >= $5::bigint
          LIMIT 1`,
        [s.registry, s.project, s.vintage, s.firstUnit.toString(), s.lastUnit.toString()],
      );
      if (!row) throw new DomainError('NOT_FOUND', `No credits with serial ${q.serial}`);
      return {
        serial: q.serial,
        registry: row.registry,
        projectReference: row.project_reference,
        vintage: row.vintage,
        issuance: {
          id: row.issuance_id,
          monitoringPeriod: { start: row.monitoring_start, end: row.monitoring_end },
          jointCommitteeDecisionRef: row.joint_committee_ref,
          quantity: row.quantity,
          issuedAt: new Date(row.created_at).toISOString(),
        },
        monitoringReportId: row.monitoring_report_id,
      };
    });
  }
}
