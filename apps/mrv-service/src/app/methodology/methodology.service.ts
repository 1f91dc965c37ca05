import { createHash } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  DomainError,
  MRV_RPC,
  FieldIssue,
  GetMethodologyQuery,
  GrantTpeAccreditationCommand,
  ListMethodologiesQuery,
  ListTpeAccreditationsQuery,
  MethodologyVersionPage,
  MethodologyVersionView,
  PublishMethodologyCommand,
  RequestContext,
  ReviseMethodologyCommand,
  SaveMethodologyCommand,
  TpeAccreditationPage,
  TpeAccreditationView,
} from '@jcm/contracts';
import {
  amendMethodology,
  type Methodology,
  type MethodologyIssue,
  methodologyCanonicalJson,
  publishMethodology,
  reviseMethodology,
  validateMethodology,
} from '@jcm/rules';
import {
  Clock,
  CLOCK,
  DATA_SOURCE,
  forbidden,
  inTenantTransaction,
  runIdempotent,
  todayUtc,
} from '@jcm/service-kit';
import {
  METHODOLOGY_SOURCE,
  METHODOLOGY_VERSION,
  MethodologyRow,
  TPE_ACCREDITATION,
  TPE_ACCREDITATION_SOURCE,
  toAccreditationView,
  toMethodologyView,
} from './methodology.rows';

/** Methodologies are written by the secretariat or MOE (issue #11 scope 1); everyone reads published versions. */
function assertMethodologyWriter(ctx: RequestContext): void {
  if ((ctx.orgType !== 'SECRETARIAT' && ctx.orgType !== 'MOE') || ctx.role === 'viewer') {
    throw forbidden('Only the secretariat or MOE maintains methodologies and TPE accreditations.');
  }
}

/** An engine issue as a 400 field issue: the path under `methodology`, and a formula's line:column. */
export function methodologyIssues(issues: readonly MethodologyIssue[], prefix = 'methodology'): FieldIssue[] {
  return issues.map((i) => ({
    path: [prefix, ...i.path].join('.'),
    message: i.position
      ? `${i.code} at ${i.position.line}:${i.position.column} (offset ${i.position.offset}): ${i.message}`
      : i.message,
  }));
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * 方法論の版 (methodology versions) as data: saved through the engine's validation (nothing is stored that cannot
 * run), DRAFT → PUBLISHED, and a published version never changes (app check + database trigger).
 */
@Injectable()
export class MethodologyService {
  /** Published versions are immutable, so one parsed object per (id, version) is kept (the engine caches by object). */
  private readonly published = new Map<string, Methodology>();

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async save(ctx: RequestContext, cmd: SaveMethodologyCommand): Promise<MethodologyVersionView> {
    assertMethodologyWriter(ctx);
    const next = this.validated(cmd.methodology);
    if (next.status !== 'DRAFT') {
      throw new DomainError('VALIDATION_FAILED', 'A methodology is saved as a DRAFT and then published.', [
        { path: 'methodology.status', message: 'Must be DRAFT' },
      ]);
    }
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const stored = await this.row(m, next.id, next.version, true);
      if (stored) {
        const amended = amendMethodology(stored.document as unknown as Methodology, next);
        if (!amended.ok)
          throw new DomainError('CONFLICT', amended.issues[0].message, methodologyIssues(amended.issues));
        await m.query(
          `UPDATE mrv.methodology_version SET title_ja = $3, title_en = $4, sectoral_scope = $5, document = $6, canonical_sha256 = $7
            WHERE methodology_id = $1 AND version = $2`,
          [
            next.id,
            next.version,
            next.title.ja,
            next.title.en,
            next.sectoralScope,
            JSON.stringify(next),
            sha256(methodologyCanonicalJson(next)),
          ],
        );
      } else {
        await this.insert(m, ctx, next);
      }
      return toMethodologyView(await this.mustRow(m, next.id, next.version));
    });
  }

  async publish(ctx: RequestContext, cmd: PublishMethodologyCommand): Promise<MethodologyVersionView> {
    assertMethodologyWriter(ctx);
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const stored = await this.mustRow(m, cmd.methodologyId, cmd.version, true);
      const r = publishMethodology(stored.document as unknown as Methodology, todayUtc(this.clock));
      if (!r.ok) throw new DomainError('CONFLICT', r.issues[0].message, methodologyIssues(r.issues));
      await m.query(
        `UPDATE mrv.methodology_version SET status = 'PUBLISHED', published_on = $3, document = $4, canonical_sha256 = $5
          WHERE methodology_id = $1 AND version = $2`,
        [
          cmd.methodologyId,
          cmd.version,
          r.methodology.publishedOn,
          JSON.stringify(r.methodology),
          sha256(methodologyCanonicalJson(r.methodology)),
        ],
      );
      return toMethodologyView(await this.mustRow(m, cmd.methodologyId, cmd.version));
    });
  }

  /** A new DRAFT beside the base version (which stays as it is, reports keep re-running against it). */
  async revise(ctx: RequestContext, cmd: ReviseMethodologyCommand): Promise<MethodologyVersionView> {
    assertMethodologyWriter(ctx);
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const base = await this.mustRow(m, cmd.methodologyId, cmd.version);
      const versions = await METHODOLOGY_SOURCE.all(m, ctx, (w) =>
        w.eq('v.methodology_id', cmd.methodologyId),
      );
      const r = reviseMethodology(
        base.document as unknown as Methodology,
        cmd.newVersion,
        versions.map((v) => v.version),
      );
      if (!r.ok)
        throw new DomainError(
          'CONFLICT',
          r.issues[0].message,
          methodologyIssues(r.issues, 'newVersion').map((i) => ({ ...i, path: 'newVersion' })),
        );
      await this.insert(m, ctx, r.methodology);
      return toMethodologyView(await this.mustRow(m, cmd.methodologyId, cmd.newVersion));
    });
  }

  get(ctx: RequestContext, q: GetMethodologyQuery): Promise<MethodologyVersionView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const row = await this.mustRow(m, q.methodologyId, q.version);
      if (row.status === 'DRAFT' && ctx.orgType !== 'SECRETARIAT' && ctx.orgType !== 'MOE')
        throw this.notFound(q.methodologyId, q.version);
      return toMethodologyView(row);
    });
  }

  list(ctx: RequestContext, q: ListMethodologiesQuery): Promise<MethodologyVersionPage> {
    const writer = ctx.orgType === 'SECRETARIAT' || ctx.orgType === 'MOE';
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const { rows, total } = await METHODOLOGY_SOURCE.page(
        m,
        ctx,
        { ...q, sort: q.sort },
        { methodologyId: 'v.methodology_id', version: 'v.version' },
        (w) => {
          w.eq('v.methodology_id', q.methodologyId).eq('v.status', writer ? q.status : 'PUBLISHED');
        },
      );
      return { items: rows.map(toMethodologyView), total };
    });
  }

  /** A PUBLISHED version for calculations, parsed once; undefined when there is none. */
  async publishedMethodology(
    m: EntityManager,
    id: string,
    version: string,
  ): Promise<Methodology | undefined> {
    const key = `${id}@${version}`;
    const cached = this.published.get(key);
    if (cached) return cached;
    const row = await this.row(m, id, version);
    if (!row || row.status !== 'PUBLISHED') return undefined;
    const parsed = validateMethodology(row.document);
    if (!parsed.ok) throw new DomainError('INTERNAL', `Stored methodology ${key} no longer validates`);
    this.published.set(key, parsed.methodology);
    return parsed.methodology;
  }

  async grantAccreditation(
    ctx: RequestContext,
    cmd: GrantTpeAccreditationCommand,
  ): Promise<TpeAccreditationView> {
    assertMethodologyWriter(ctx);
    // A creating mutation: a retried POST with the same Idempotency-Key answers the first accreditation, not a second row.
    const once = { operation: MRV_RPC.tpeAccreditation.grant, body: cmd };
    return inTenantTransaction(this.ds, ctx, (m) =>
      runIdempotent(m, 'mrv', ctx, once, async () => {
        const row = await TPE_ACCREDITATION.insert(m, {
          tpe_org_id: cmd.tpeOrgId,
          sectoral_scope: cmd.sectoralScope,
          valid_from: cmd.validFrom,
          valid_until: cmd.validUntil ?? null,
          reference: cmd.reference,
          created_by: ctx.userId,
        });
        return toAccreditationView(row);
      }),
    );
  }

  listAccreditations(ctx: RequestContext, q: ListTpeAccreditationsQuery): Promise<TpeAccreditationPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const { rows, total } = await TPE_ACCREDITATION_SOURCE.page(
        m,
        ctx,
        q,
        { validFrom: 'a.valid_from' },
        (w) => w.eq('a.tpe_org_id', q.tpeOrgId),
      );
      return { items: rows.map(toAccreditationView), total };
    });
  }

  /**
   * A TPE may validate or verify only when accredited for every sectoral scope involved on `day` (issue #11 scope 4);
   * refused with the missing scopes named.
   */
  async assertAccredited(
    m: EntityManager,
    tpeOrgId: string,
    scopes: readonly number[],
    day: string,
    path = 'tpeOrgId',
  ): Promise<void> {
    const rows: { sectoral_scope: number }[] = await m.query(
      `SELECT DISTINCT sectoral_scope FROM mrv.tpe_accreditation
        WHERE tpe_org_id = $1 AND valid_from <= $2::date AND (valid_until IS NULL OR valid_until >= $2::date)`,
      [tpeOrgId, day],
    );
    const have = new Set(rows.map((r) => r.sectoral_scope));
    const missing = [...new Set(scopes)].filter((s) => !have.has(s));
    if (missing.length > 0) {
      throw new DomainError(
        'RULE_VIOLATION',
        `The TPE is not accredited for sectoral scope ${missing.join(', ')} on ${day}.`,
        [{ path, message: `Not accredited for scope ${missing.join(', ')}` }],
      );
    }
  }

  private validated(raw: unknown): Methodology {
    const r = validateMethodology(raw);
    if (!r.ok)
      throw new DomainError(
        'VALIDATION_FAILED',
        'The methodology cannot be saved.',
        methodologyIssues(r.issues),
      );
    return r.methodology;
  }

  private async insert(m: EntityManager, ctx: RequestContext, md: Methodology): Promise<void> {
    await METHODOLOGY_VERSION.insert(m, {
      methodology_id: md.id,
      version: md.version,
      status: md.status,
      title_ja: md.title.ja,
      title_en: md.title.en,
      sectoral_scope: md.sectoralScope,
      published_on: md.publishedOn ?? null,
      document: md as unknown as Record<string, unknown>,
      canonical_sha256: sha256(methodologyCanonicalJson(md)),
      created_by: ctx.userId,
    });
  }

  private row(
    m: EntityManager,
    id: string,
    version: string,
    lock = false,
  ): Promise<MethodologyRow | undefined> {
    return METHODOLOGY_SOURCE.first(
      m,
      'system',
      (w) => w.eq('v.methodology_id', id).eq('v.version', version),
      { lock },
    );
  }

  private async mustRow(
    m: EntityManager,
    id: string,
    version: string,
    lock = false,
  ): Promise<MethodologyRow> {
    const row = await this.row(m, id, version, lock);
    if (!row) throw this.notFound(id, version);
    return row;
  }

  private notFound(id: string, version: string): DomainError {
    return new DomainError('NOT_FOUND', `Methodology ${id} ${version} not found`);
  }
}
