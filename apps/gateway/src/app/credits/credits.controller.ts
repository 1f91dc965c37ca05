import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { firstValueFrom, timeout } from 'rxjs';
import {
  AccountHistoryPage,
  AccountHistoryQuery,
  AccountPage,
  AccountView,
  ApplyCorrespondingAdjustmentCommand,
  Article6ActionView,
  AuthoriseBlocksCommand,
  ConfirmedIssuance,
  ConfirmPendingIssuanceCommand,
  CreateCancellationCommand,
  CreateIssuanceCommand,
  CreateRegistryCommand,
  CreateRetirementCommand,
  CreateTransferCommand,
  CreditBlockPage,
  CREDITS_RPC,
  DomainError,
  GetAccountQuery,
  IssuanceView,
  LedgerVerification,
  ListAccountsQuery,
  ListBlocksQuery,
  ListPendingIssuancesQuery,
  ListProjectsQuery,
  MovementView,
  OpenAccountCommand,
  PendingIssuancePage,
  PendingIssuanceView,
  ProjectPage,
  ProjectView,
  PublicSummary,
  RegisterProjectCommand,
  RegistryList,
  RegistryView,
  RejectPendingIssuanceCommand,
  RequestContext,
  RpcReply,
  TargetProgress,
} from '@jcm/contracts';
import { Ctx, Public } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { ServiceBus } from '../nats-client';

/**
 * /api/v1/credits: the JCM registry (クレジット登録簿), fronting credits-service. Commands honour the
 * `Idempotency-Key` header (AuthGuard puts it on the RequestContext): a retried POST moves credits once.
 */
@Controller('credits')
export class CreditsController {
  constructor(private readonly bus: ServiceBus) {}

  @Post('registries')
  createRegistry(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<RegistryView> {
    return this.bus.send(CREDITS_RPC.registry.create, ctx, parseInput(CreateRegistryCommand, body), RegistryView);
  }

  @Get('registries')
  listRegistries(@Ctx() ctx: RequestContext): Promise<RegistryList> {
    return this.bus.send(CREDITS_RPC.registry.list, ctx, {}, RegistryList);
  }

  @Post('accounts')
  openAccount(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<AccountView> {
    return this.bus.send(CREDITS_RPC.account.open, ctx, parseInput(OpenAccountCommand, body), AccountView);
  }

  @Get('accounts')
  listAccounts(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<AccountPage> {
    return this.bus.send(CREDITS_RPC.account.list, ctx, parseInput(ListAccountsQuery, query, 'query'), AccountPage);
  }

  @Get('accounts/:id')
  getAccount(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<AccountView> {
    return this.bus.send(CREDITS_RPC.account.get, ctx, parseInput(GetAccountQuery, { id }, 'path'), AccountView);
  }

  /** 取引履歴: the account's journal lines, newest first (`limit`, `offset`); another organisation's account is 404. */
  @Get('accounts/:id/history')
  accountHistory(@Ctx() ctx: RequestContext, @Param('id') id: string, @Query() query: unknown): Promise<AccountHistoryPage> {
    return this.bus.send(
      CREDITS_RPC.account.listHistory,
      ctx,
      parseInput(AccountHistoryQuery, { ...asObject(query), id }, 'query'),
      AccountHistoryPage,
    );
  }

  @Post('projects')
  registerProject(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<ProjectView> {
    return this.bus.send(CREDITS_RPC.project.register, ctx, parseInput(RegisterProjectCommand, body), ProjectView);
  }

  @Get('projects')
  listProjects(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<ProjectPage> {
    return this.bus.send(CREDITS_RPC.project.list, ctx, parseInput(ListProjectsQuery, query, 'query'), ProjectPage);
  }

  @Post('issuances')
  issue(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<IssuanceView> {
    return this.bus.send(CREDITS_RPC.issuance.create, ctx, parseInput(CreateIssuanceCommand, body), IssuanceView);
  }

  @Post('transfers')
  transfer(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<MovementView> {
    return this.bus.send(CREDITS_RPC.transfer.create, ctx, parseInput(CreateTransferCommand, body), MovementView);
  }

  @Post('retirements')
  retire(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<MovementView> {
    return this.bus.send(CREDITS_RPC.retirement.create, ctx, parseInput(CreateRetirementCommand, body), MovementView);
  }

  @Post('cancellations')
  cancel(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<MovementView> {
    return this.bus.send(CREDITS_RPC.cancellation.create, ctx, parseInput(CreateCancellationCommand, body), MovementView);
  }

  @Get('blocks')
  listBlocks(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<CreditBlockPage> {
    return this.bus.send(CREDITS_RPC.block.list, ctx, parseInput(ListBlocksQuery, query, 'query'), CreditBlockPage);
  }

  /** Article 6 authorisation (NDC / OIMP) of a unit range of a project (registry manager, MOE for `JP`). */
  @Post('blocks/authorisations')
  authoriseBlocks(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<Article6ActionView> {
    return this.bus.send(CREDITS_RPC.block.authorise, ctx, parseInput(AuthoriseBlocksCommand, body), Article6ActionView);
  }

  /** Corresponding adjustment applied to authorised units (registry manager). */
  @Post('blocks/corresponding-adjustments')
  applyCorrespondingAdjustment(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<Article6ActionView> {
    return this.bus.send(
      CREDITS_RPC.block.applyCorrespondingAdjustment,
      ctx,
      parseInput(ApplyCorrespondingAdjustmentCommand, body),
      Article6ActionView,
    );
  }

  /** 発行待ち: issuances prepared from verified monitoring reports (registry manager, oversight). */
  @Get('issuances/pending')
  listPendingIssuances(@Ctx() ctx: RequestContext, @Query() query: unknown): Promise<PendingIssuancePage> {
    return this.bus.send(
      CREDITS_RPC.issuance.listPending,
      ctx,
      parseInput(ListPendingIssuancesQuery, query, 'query'),
      PendingIssuancePage,
    );
  }

  /** Confirms a pending issuance with the Joint Committee's decision: the normal issuance, in one transaction. */
  @Post('issuances/pending/:id/confirm')
  confirmPendingIssuance(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown): Promise<ConfirmedIssuance> {
    return this.bus.send(
      CREDITS_RPC.issuance.confirm,
      ctx,
      parseInput(ConfirmPendingIssuanceCommand, { ...asObject(body), id }),
      ConfirmedIssuance,
    );
  }

  @Post('issuances/pending/:id/reject')
  rejectPendingIssuance(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: unknown): Promise<PendingIssuanceView> {
    return this.bus.send(
      CREDITS_RPC.issuance.reject,
      ctx,
      parseInput(RejectPendingIssuanceCommand, { ...asObject(body), id }),
      PendingIssuanceView,
    );
  }

  /** Progress towards the JCM targets (~100 MtCO2 by FY2030, ~200 MtCO2 by FY2040): MOE and the secretariat. */
  @Get('progress')
  progress(@Ctx() ctx: RequestContext): Promise<TargetProgress> {
    return this.bus.send(CREDITS_RPC.targetProgress.get, ctx, {}, TargetProgress);
  }

  /** 台帳検証 on demand (MOE, secretariat); may take a while on a long journal. */
  @Get('ledger/verification')
  verifyLedger(@Ctx() ctx: RequestContext): Promise<LedgerVerification> {
    return this.bus.send(CREDITS_RPC.ledger.verify, ctx, {}, LedgerVerification, 60_000);
  }

  /** 公開情報: registry totals for anyone, signed in or not; the service's handler takes no caller context. */
  @Public()
  @Get('public/summary')
  async publicSummary(): Promise<PublicSummary> {
    const reply = await firstValueFrom(
      this.bus.client.send<RpcReply<unknown>>(CREDITS_RPC.publicSummary.get, { data: {} }).pipe(timeout(5000)),
    ).catch(() => {
      throw new DomainError('UNAVAILABLE', 'The registry summary is not available right now.');
    });
    if (!reply.ok) throw new DomainError(reply.error.code, reply.error.message, reply.error.issues);
    const parsed = PublicSummary.safeParse(reply.data);
    if (!parsed.success) throw new DomainError('INTERNAL', `Unexpected reply from ${CREDITS_RPC.publicSummary.get}`);
    return parsed.data;
  }
}

function asObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
