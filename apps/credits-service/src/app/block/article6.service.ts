import { randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  ApplyCorrespondingAdjustmentCommand,
  Article6ActionKind,
  Article6ActionView,
  AuthoriseBlocksCommand,
  canManageRegistry,
  CREDITS_EVENTS,
  DomainError,
  formatSerial,
  RequestContext,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE } from '@jcm/service-kit';
import { elevateToSystem, lockAccounts } from '../ledger/credit-ledger';
import { runOnce } from '../ledger/idempotency';

interface BlockRow {
  id: string;
  account_id: string;
  status: string;
  vintage: number;
  first_unit: string;
  last_unit: string;
  authorised_use: string;
  ca_applied_on: string | null;
}

type Article6Command =
  | { kind: 'AUTHORISATION'; cmd: AuthoriseBlocksCommand }
  | { kind: 'CORRESPONDING_ADJUSTMENT'; cmd: ApplyCorrespondingAdjustmentCommand };

/**
 * Article 6.2 actions of the registry manager on a unit range of one project (credits.article6 contracts):
 * authorisation (NDC / OIMP, with its first-transfer definition) and the corresponding adjustment. One transaction,
 * the posting engine's lock order (accounts holding the range in id order, then their blocks); blocks partly
 * covered are split at the range's edges so each row carries one set of attributes. Every action is appended to
 * `credits.article6_action` and published as an event.
 */
@Injectable()
export class Article6Service {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  authorise(ctx: RequestContext, cmd: AuthoriseBlocksCommand): Promise<Article6ActionView> {
    return runOnce(this.ds, ctx, 'block.authorise', cmd, (m) =>
      this.apply(m, ctx, { kind: 'AUTHORISATION', cmd }),
    );
  }

  applyCorrespondingAdjustment(
    ctx: RequestContext,
    cmd: ApplyCorrespondingAdjustmentCommand,
  ): Promise<Article6ActionView> {
    return runOnce(this.ds, ctx, 'block.corresponding-adjustment', cmd, (m) =>
      this.apply(m, ctx, { kind: 'CORRESPONDING_ADJUSTMENT', cmd }),
    );
  }

  private async apply(
    m: EntityManager,
    ctx: RequestContext,
    action: Article6Command,
  ): Promise<Article6ActionView> {
    const { cmd } = action;
    const [registry]: { manager_org_id: string }[] = await m.query(
      `SELECT manager_org_id FROM credits.registry WHERE code = $1`,
      [cmd.registry],
    );
    if (!registry) throw new DomainError('NOT_FOUND', `Registry ${cmd.registry} not found`);
    if (!canManageRegistry(ctx, registry.manager_org_id)) {
      throw new DomainError(
        'FORBIDDEN',
        'Only the registry manager records Article 6 authorisations and corresponding adjustments.',
      );
    }
    await elevateToSystem(m);
    const [project]: { id: string; reference: string; partner_country: string }[] = await m.query(
      `SELECT id, reference, partner_country FROM credits.project WHERE id = $1`,
      [cmd.projectId],
    );
    if (!project) throw new DomainError('NOT_FOUND', `Project ${cmd.projectId} not found`);
    const lo = BigInt(cmd.firstUnit);
    const hi = BigInt(cmd.lastUnit);
    const blocks = await this.lockRange(m, cmd.registry, project.id, lo, hi);
    const covered = blocks.reduce(
      (sum, b) => sum + min(BigInt(b.last_unit), hi) - max(BigInt(b.first_unit), lo) + 1n,
      0n,
    );
    if (covered !== hi - lo + 1n) {
      throw new DomainError(
        'RULE_VIOLATION',
        `Units ${lo}–${hi} of ${project.reference} are not all held in registry ${cmd.registry}.`,
      );
    }
    for (const b of blocks) this.check(action, b, lo, hi, project.reference);

    const affected: { id: string; vintage: number; first: bigint; last: bigint }[] = [];
    for (const b of blocks) {
      const first = BigInt(b.first_unit);
      const last = BigInt(b.last_unit);
      const from = max(first, lo);
      const to = min(last, hi);
      if (from !== first || to !== last) {
        // Shrink the row to the covered part, then give the uncovered edges their own rows with the old attributes.
        await m.query(
          `UPDATE credits.credit_block SET first_unit = $2, last_unit = $3, version = version + 1 WHERE id = $1`,
          [b.id, from.toString(), to.toString()],
        );
        if (from > first) await this.insertPiece(m, b.id, first, from - 1n);
        if (to < last) await this.insertPiece(m, b.id, to + 1n, last);
      }
      await this.setAttributes(m, action, b.id, cmd.registry !== project.partner_country);
      affected.push({ id: b.id, vintage: b.vintage, first: from, last: to });
    }

    const serial = (a: (typeof affected)[number]) =>
      formatSerial({
        registry: cmd.registry,
        project: project.reference,
        vintage: a.vintage,
        firstUnit: a.first,
        lastUnit: a.last,
      });
    const id = randomUUID();
    const view: Article6ActionView = {
      id,
      kind: action.kind as Article6ActionKind,
      registry: cmd.registry,
      projectId: project.id,
      projectReference: project.reference,
      firstUnit: lo.toString(),
      lastUnit: hi.toString(),
      quantity: (hi - lo + 1n).toString(),
      authorisedUse: action.kind === 'AUTHORISATION' ? action.cmd.authorisedUse : null,
      authorisationRef: action.kind === 'AUTHORISATION' ? action.cmd.authorisationRef : null,
      oimpFirstTransfer: action.kind === 'AUTHORISATION' ? (action.cmd.oimpFirstTransfer ?? null) : null,
      appliedOn: action.kind === 'CORRESPONDING_ADJUSTMENT' ? action.cmd.appliedOn : null,
      reference: action.kind === 'CORRESPONDING_ADJUSTMENT' ? action.cmd.reference : null,
      serials: affected.map((a) => ({ serial: serial(a), quantity: (a.last - a.first + 1n).toString() })),
      actor: { userId: ctx.userId, orgId: ctx.orgId },
      createdAt: new Date().toISOString(),
    };
    await m.query(
      `INSERT INTO credits.article6_action (id, kind, registry, project_id, project_reference, first_unit, last_unit, authorised_use,
         authorisation_ref, oimp_first_transfer, applied_on, reference, serials, actor_user_id, actor_org_id, participant_org_ids, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, ARRAY[$16]::uuid[], $17)`,
      [
        id,
        view.kind,
        view.registry,
        view.projectId,
        view.projectReference,
        view.firstUnit,
        view.lastUnit,
        view.authorisedUse,
        view.authorisationRef,
        view.oimpFirstTransfer,
        view.appliedOn,
        view.reference,
        JSON.stringify(view.serials),
        ctx.userId,
        ctx.orgId,
        registry.manager_org_id,
        view.createdAt,
      ],
    );
    const type =
      action.kind === 'AUTHORISATION'
        ? CREDITS_EVENTS.block.authorised
        : CREDITS_EVENTS.block.correspondingAdjustmentApplied;
    await appendToOutbox(m, 'credits', type, view, ctx, { aggregateId: view.id });
    return view;
  }

  /** Locks the accounts holding units of the range (id order), then the range's blocks (unit order). */
  private async lockRange(
    m: EntityManager,
    registry: string,
    projectId: string,
    lo: bigint,
    hi: bigint,
  ): Promise<BlockRow[]> {
    const overlap = `project_id = $1 AND registry = $2 AND int8range(first_unit, last_unit, '[]') && int8range($3::bigint, $4::bigint, '[]')`;
    const params = [projectId, registry, lo.toString(), hi.toString()];
    const holders: { account_id: string }[] = await m.query(
      `SELECT DISTINCT account_id FROM credits.credit_block WHERE ${overlap}`,
      params,
    );
    const locked = await lockAccounts(
      m,
      holders.map((h) => h.account_id),
    );
    const blocks: BlockRow[] = await m.query(
      `SELECT id, account_id, status, vintage, first_unit, last_unit, authorised_use, ca_applied_on::text
         FROM credits.credit_block WHERE ${overlap} ORDER BY first_unit FOR UPDATE`,
      params,
    );
    // A block moved to another account between the two reads: the caller may simply retry.
    if (blocks.some((b) => !locked.has(b.account_id)))
      throw new DomainError('CONFLICT', 'Credits of this range moved concurrently; retry.');
    return blocks;
  }

  private check(action: Article6Command, b: BlockRow, lo: bigint, hi: bigint, reference: string): void {
    const where = `units ${b.first_unit}–${b.last_unit} of ${reference}`;
    const partly = BigInt(b.first_unit) < lo || BigInt(b.last_unit) > hi;
    if (action.kind === 'AUTHORISATION') {
      if (b.status !== 'ACTIVE')
        throw new DomainError(
          'RULE_VIOLATION',
          `${where} are ${b.status.toLowerCase()}: only active units are authorised.`,
        );
      if (b.authorised_use !== 'NONE')
        throw new DomainError('RULE_VIOLATION', `${where} are already authorised (${b.authorised_use}).`);
      return;
    }
    if (b.authorised_use === 'NONE') {
      throw new DomainError(
        'RULE_VIOLATION',
        `${where} are not authorised: a corresponding adjustment applies to authorised units only.`,
      );
    }
    if (b.ca_applied_on !== null)
      throw new DomainError(
        'RULE_VIOLATION',
        `${where} already have a corresponding adjustment (${b.ca_applied_on}).`,
      );
    if (b.status !== 'ACTIVE' && partly) {
      throw new DomainError(
        'RULE_VIOLATION',
        `${where} are ${b.status.toLowerCase()} and never split: cover the block whole.`,
      );
    }
  }

  private async insertPiece(m: EntityManager, sourceId: string, first: bigint, last: bigint): Promise<void> {
    await m.query(
      `INSERT INTO credits.credit_block
         (issuance_id, project_id, registry, project_reference, vintage, first_unit, last_unit, account_id, status, participant_org_ids,
          authorised_use, authorisation_ref, authorised_at, first_transfer_definition, first_transferred_at, ca_applied_on, ca_reference)
       SELECT issuance_id, project_id, registry, project_reference, vintage, $2, $3, account_id, status, participant_org_ids,
              authorised_use, authorisation_ref, authorised_at, first_transfer_definition, first_transferred_at, ca_applied_on, ca_reference
         FROM credits.credit_block WHERE id = $1`,
      [sourceId, first.toString(), last.toString()],
    );
  }

  /**
   * First transfer (Decision 2/CMA.3 annex ¶2(b)), as this ledger reads it: for NDC use, the first international
   * transfer, which units held outside their host country's registry have already made (recorded now); for OIMP,
   * the event the authorisation names: now (authorisation), the units' issuance, or later on retirement or
   * cancellation (ledger/credit-ledger.ts).
   */
  private async setAttributes(
    m: EntityManager,
    action: Article6Command,
    blockId: string,
    outsideHostRegistry: boolean,
  ): Promise<void> {
    if (action.kind === 'CORRESPONDING_ADJUSTMENT') {
      await m.query(
        `UPDATE credits.credit_block SET ca_applied_on = $2, ca_reference = $3, version = version + 1 WHERE id = $1`,
        [blockId, action.cmd.appliedOn, action.cmd.reference],
      );
      return;
    }
    const { authorisedUse, authorisationRef, oimpFirstTransfer } = action.cmd;
    const definition = authorisedUse === 'NDC' ? 'INTERNATIONAL_TRANSFER' : (oimpFirstTransfer as string);
    const firstTransferredAt =
      definition === 'AUTHORISATION' || (definition === 'INTERNATIONAL_TRANSFER' && outsideHostRegistry)
        ? 'now()'
        : definition === 'ISSUANCE'
          ? '(SELECT i.created_at FROM credits.issuance i WHERE i.id = issuance_id)'
          : 'NULL';
    await m.query(
      `UPDATE credits.credit_block SET authorised_use = $2, authorisation_ref = $3, authorised_at = now(),
              first_transfer_definition = $4, first_transferred_at = ${firstTransferredAt}, version = version + 1
        WHERE id = $1`,
      [blockId, authorisedUse, authorisationRef, definition],
    );
  }
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);
const max = (a: bigint, b: bigint) => (a > b ? a : b);
