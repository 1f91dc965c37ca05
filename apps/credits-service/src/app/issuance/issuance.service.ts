import { randomUUID } from 'crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  canManageRegistry,
  CreateIssuanceCommand,
  CreditBlockView,
  CREDITS_EVENTS,
  DomainError,
  formatSerial,
  IssuanceView,
  RequestContext,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE } from '@jcm/service-kit';
import {
  applyBalances,
  elevateToSystem,
  JournalLine,
  LockedAccount,
  lockAccounts,
  postJournalEntry,
} from '../ledger/credit-ledger';
import { UNAUTHORISED } from '../block/block.service';
import { runOnce } from '../ledger/idempotency';
import { normaliseShare } from '../project/project.service';
import { splitIssuance } from './issuance-allocation';

interface ProjectRow {
  id: string;
  reference: string;
  participant_org_ids: string[];
  government_share: string;
  issued_units: string;
}

/**
 * 発行: records a Joint Committee issuance decision and allocates the credits as serial-numbered blocks, in one
 * transaction: project row locked (its unit counter), then accounts in id order, then the journal head.
 */
@Injectable()
export class IssuanceService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async create(ctx: RequestContext, cmd: CreateIssuanceCommand): Promise<IssuanceView> {
    return runOnce(this.ds, ctx, 'issuance.create', cmd, (m) => this.issue(m, ctx, cmd));
  }

  /**
   * The issuance itself, inside the caller's transaction (started under the caller's RLS scope): used by
   * `create` and by the confirmation of a pending issuance, so both follow exactly the same rules.
   */
  async issue(m: EntityManager, ctx: RequestContext, cmd: CreateIssuanceCommand): Promise<IssuanceView> {
    const [registry]: { manager_org_id: string }[] = await m.query(
      `SELECT manager_org_id FROM credits.registry WHERE code = $1`,
      [cmd.registry],
    );
    if (!registry) throw new DomainError('NOT_FOUND', `Registry ${cmd.registry} not found`);
    if (!canManageRegistry(ctx, registry.manager_org_id)) {
      throw new DomainError('FORBIDDEN', 'Only the registry manager records issuances.');
    }
    await elevateToSystem(m);
    const [project]: ProjectRow[] = await m.query(
      `SELECT id, reference, participant_org_ids, government_share, issued_units FROM credits.project WHERE id = $1 FOR UPDATE`,
      [cmd.projectId],
    );
    if (!project) throw new DomainError('NOT_FOUND', `Project ${cmd.projectId} not found`);
    const total = BigInt(cmd.quantity);
    const result = splitIssuance(total, normaliseShare(project.government_share), cmd.participantAllocations);
    if (!result.ok) throw new DomainError('RULE_VIOLATION', result.reason);
    const split = result.split;
    const { issuanceAccount, governmentAccount, accounts } = await this.lockIssuanceAccounts(m, cmd, project);

    const issuanceId = randomUUID();
    const firstUnit = BigInt(project.issued_units) + 1n;
    await m.query(
      `INSERT INTO credits.issuance (id, project_id, registry, vintage, monitoring_start, monitoring_end, joint_committee_ref,
         quantity, government_quantity, first_unit, last_unit, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        issuanceId,
        project.id,
        cmd.registry,
        cmd.vintage,
        cmd.monitoringPeriod.start,
        cmd.monitoringPeriod.end,
        cmd.jointCommitteeDecisionRef,
        total.toString(),
        split.government.toString(),
        firstUnit.toString(),
        (firstUnit + total - 1n).toString(),
        ctx.userId,
      ],
    );
    const holders = [{ account: governmentAccount, quantity: split.government }].concat(
      split.participants.map((p) => ({
        account: accounts.get(p.accountId) as LockedAccount,
        quantity: p.quantity,
      })),
    );
    const blocks: CreditBlockView[] = [];
    const lines: JournalLine[] = [];
    let next = firstUnit;
    for (const h of holders) {
      if (h.quantity === 0n) continue;
      const last = next + h.quantity - 1n;
      const serial = formatSerial({
        registry: cmd.registry,
        project: project.reference,
        vintage: cmd.vintage,
        firstUnit: next,
        lastUnit: last,
      });
      const [{ id }]: { id: string }[] = await m.query(
        `INSERT INTO credits.credit_block (issuance_id, project_id, registry, project_reference, vintage, first_unit, last_unit,
           account_id, status, participant_org_ids)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'ACTIVE', ARRAY[$9]::uuid[]) RETURNING id`,
        [
          issuanceId,
          project.id,
          cmd.registry,
          project.reference,
          cmd.vintage,
          next.toString(),
          last.toString(),
          h.account.id,
          h.account.ownerOrgId,
        ],
      );
      blocks.push({
        id,
        serial,
        registry: cmd.registry,
        projectReference: project.reference,
        vintage: cmd.vintage,
        firstUnit: next.toString(),
        lastUnit: last.toString(),
        quantity: h.quantity.toString(),
        accountId: h.account.id,
        status: 'ACTIVE',
        issuanceId,
        article6: UNAUTHORISED,
      });
      lines.push(
        { accountId: issuanceAccount.id, quantity: -h.quantity, serial },
        { accountId: h.account.id, quantity: h.quantity, serial },
      );
      next = last + 1n;
    }
    await m.query(`UPDATE credits.project SET issued_units = issued_units + $2::bigint WHERE id = $1`, [
      project.id,
      total.toString(),
    ]);
    await applyBalances(m, accounts, lines);
    const entry = await postJournalEntry(m, {
      kind: 'ISSUANCE',
      operationId: issuanceId,
      ctx,
      lines,
      meta: {
        registry: cmd.registry,
        projectReference: project.reference,
        vintage: cmd.vintage,
        monitoringPeriod: cmd.monitoringPeriod,
        jointCommitteeDecisionRef: cmd.jointCommitteeDecisionRef,
      },
      orgIds: holders.map((h) => h.account.ownerOrgId).concat(issuanceAccount.ownerOrgId),
    });
    const view: IssuanceView = {
      id: issuanceId,
      projectId: project.id,
      projectReference: project.reference,
      registry: cmd.registry,
      vintage: cmd.vintage,
      monitoringPeriod: cmd.monitoringPeriod,
      jointCommitteeDecisionRef: cmd.jointCommitteeDecisionRef,
      quantity: total.toString(),
      governmentQuantity: split.government.toString(),
      participantQuantity: (total - split.government).toString(),
      blocks,
      journalSeq: entry.seq,
      createdAt: entry.occurredAt,
    };
    await appendToOutbox(m, 'credits', CREDITS_EVENTS.block.issued, view, ctx, { aggregateId: view.id });
    return view;
  }

  /** Locks the registry's issuance and government accounts and the participants' accounts, checking each. */
  private async lockIssuanceAccounts(m: EntityManager, cmd: CreateIssuanceCommand, project: ProjectRow) {
    const own: { id: string; type: string }[] = await m.query(
      `SELECT id, type FROM credits.account WHERE registry = $1 AND type IN ('ISSUANCE', 'GOVERNMENT_HOLDING')`,
      [cmd.registry],
    );
    const issuanceId = own.find((a) => a.type === 'ISSUANCE')?.id;
    const governmentId = own.find((a) => a.type === 'GOVERNMENT_HOLDING')?.id;
    if (!issuanceId || !governmentId) {
      throw new DomainError(
        'RULE_VIOLATION',
        `Registry ${cmd.registry} has no Government holding account yet: open it first.`,
      );
    }
    const participantIds = cmd.participantAllocations.map((p) => p.accountId);
    if (new Set(participantIds).size !== participantIds.length) {
      throw new DomainError('VALIDATION_FAILED', 'Each participant account may appear once.', [
        { path: 'participantAllocations', message: 'Duplicate accountId' },
      ]);
    }
    const accounts = await lockAccounts(m, [issuanceId, governmentId, ...participantIds]);
    for (const id of participantIds) {
      const a = accounts.get(id);
      if (!a) throw new DomainError('NOT_FOUND', `Account ${id} not found`);
      if (
        a.registry !== cmd.registry ||
        a.type !== 'ENTITY_HOLDING' ||
        !project.participant_org_ids.includes(a.ownerOrgId)
      ) {
        throw new DomainError(
          'RULE_VIOLATION',
          `Account ${a.accountNumber} is not an entity holding account of a participant of ${project.reference} in registry ${cmd.registry}.`,
        );
      }
    }
    return {
      issuanceAccount: accounts.get(issuanceId) as LockedAccount,
      governmentAccount: accounts.get(governmentId) as LockedAccount,
      accounts,
    };
  }
}
