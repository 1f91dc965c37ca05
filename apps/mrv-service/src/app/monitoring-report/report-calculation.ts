import { createHash } from 'crypto';
import { EntityManager } from 'typeorm';
import { CalculationIssue, DomainError, ReportTechnologyValues } from '@jcm/contracts';
import { evaluateMonitoringReport, type Methodology, MRV_ENGINE, type TechnologyPeriod } from '@jcm/rules';
import { MethodologyService } from '../methodology/methodology.service';
import { JcmProjectRow } from '../project/project.rows';

export interface ReportCalculation {
  issues: CalculationIssue[];
  technologyErs: { technologyId: string; emissionReductionT: string }[];
  totalEmissionReductionT: string | null;
  canonicalTrace: string | null;
  calculationSha256: string | null;
  engineVersion: string;
  methodologies: { id: string; version: string }[];
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The report's calculation by the engine (never a posted total): each technology of the project's monitoring plan
 * with its methodology version and fixed-ex-ante values, the report's monitored values, and the project's other
 * reports as earlier periods (a period is credited once). Issues come back with paths into the report command
 * (`technologies.0.values.EG.3.value`, `period.start`), so the editor highlights the cell.
 */
export async function calculateReport(
  m: EntityManager,
  methodologies: MethodologyService,
  project: JcmProjectRow,
  period: { start: string; end: string },
  values: readonly ReportTechnologyValues[],
  reportId: string | null,
): Promise<ReportCalculation> {
  const unknown = values.findIndex(
    (v) => !project.technologies.some((t) => t.technologyId === v.technologyId),
  );
  if (unknown >= 0) {
    throw new DomainError('VALIDATION_FAILED', 'The report names a technology the project does not have.', [
      {
        path: `technologies.${unknown}.technologyId`,
        message: `Not a technology of ${project.project_reference}`,
      },
    ]);
  }
  const earlier: { label: string; start: string; end: string }[] = (
    await m.query(
      `SELECT id::text AS id, to_char(monitoring_start, 'YYYY-MM-DD') AS start, to_char(monitoring_end, 'YYYY-MM-DD') AS "end"
         FROM mrv.monitoring_report WHERE project_reference = $1 AND ($2::uuid IS NULL OR id <> $2::uuid) AND status <> 'REFUSED'
        ORDER BY monitoring_start`,
      [project.project_reference, reportId],
    )
  ).map((r: { id: string; start: string; end: string }) => ({
    label: `report ${r.id}`,
    start: r.start,
    end: r.end,
  }));
  const parts: TechnologyPeriod[] = [];
  const reportIndex: number[] = [];
  for (const t of project.technologies) {
    const md: Methodology | undefined = await methodologies.publishedMethodology(
      m,
      t.methodologyId,
      t.methodologyVersion,
    );
    if (!md)
      throw new DomainError(
        'INTERNAL',
        `Methodology ${t.methodologyId} ${t.methodologyVersion} of the plan is not published`,
      );
    const i = values.findIndex((v) => v.technologyId === t.technologyId);
    reportIndex.push(i);
    // Ex-ante values are the monitoring plan's (frozen at validation): a report cannot restate them.
    const fixed =
      i >= 0
        ? Object.keys(values[i].values).filter((k) =>
            md.parameters.some((p) => p.id === k && p.kind === 'FIXED_EX_ANTE'),
          )
        : [];
    if (fixed.length > 0) {
      throw new DomainError(
        'VALIDATION_FAILED',
        'A report gives monitored values only; fixed-ex-ante values come from the monitoring plan.',
        fixed.map((k) => ({
          path: `technologies.${i}.values.${k}`,
          message: 'Fixed ex ante in the monitoring plan',
        })),
      );
    }
    parts.push({
      technologyId: t.technologyId,
      methodology: md,
      input: {
        period,
        values: { ...t.fixedValues, ...(i >= 0 ? values[i].values : {}) },
        earlierPeriods: earlier,
      },
    });
  }
  const used = project.technologies.map((t) => ({ id: t.methodologyId, version: t.methodologyVersion }));
  const r = evaluateMonitoringReport(parts);
  if (!r.ok) {
    return {
      issues: r.issues.map((x) => ({
        path: reportPath(x.path, reportIndex),
        code: x.code,
        message: x.message_en,
        messageJa: x.message_ja,
      })),
      technologyErs: [],
      totalEmissionReductionT: null,
      canonicalTrace: null,
      calculationSha256: null,
      engineVersion: MRV_ENGINE.version,
      methodologies: used,
    };
  }
  return {
    issues: [],
    technologyErs: r.technologies.map((t) => ({
      technologyId: t.technologyId,
      emissionReductionT: t.emissionReductionT,
    })),
    totalEmissionReductionT: r.totalEmissionReductionT,
    canonicalTrace: r.canonicalTrace,
    calculationSha256: sha256Hex(r.canonicalTrace),
    engineVersion: MRV_ENGINE.version,
    methodologies: used,
  };
}

/** ['technologies', k, 'input', 'values', …] of the engine → the report command's own path. */
function reportPath(path: readonly (string | number)[], reportIndex: readonly number[]): string {
  if (path[0] !== 'technologies' || typeof path[1] !== 'number' || path[2] !== 'input') return path.join('.');
  const rest = path.slice(3);
  if (rest[0] === 'period') return rest.join('.');
  if (rest[0] === 'earlierPeriods') return 'period';
  const i = reportIndex[path[1]];
  return i >= 0 ? ['technologies', i, ...rest].join('.') : `technologies (${String(path[1])})`;
}
