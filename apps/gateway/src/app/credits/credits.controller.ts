import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { firstValueFrom, timeout } from 'rxjs';
import {
  AccountPage,
  AccountView,
  CreateCancellationCommand,
  CreateIssuanceCommand,
  CreateRegistryCommand,
  CreateRetirementCommand,
  CreateTransferCommand,
  CREDITS_RPC,
  CreditBlockPage,
  DomainError,
  GetAccountQuery,
  IssuanceView,
  LedgerVerification,
  ListAccountsQuery,
  ListBlocksQuery,
  ListProjectsQuery,
  MovementView,
  OpenAccountCommand,
  ProjectPage,
  ProjectView,
  PublicSummary,
  RegisterProjectCommand,
  RegistryList,
  RegistryView,
  RequestContext,
  RpcReply,
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
      this.bus.client.send<RpcReply<unknown>>(CREDITS_RPC.public.summary, { data: {} }).pipe(timeout(5000)),
    ).catch(() => {
      throw new DomainError('UNAVAILABLE', 'The registry summary is not available right now.');
    });
    if (!reply.ok) throw new DomainError(reply.error.code, reply.error.message, reply.error.issues);
    const parsed = PublicSummary.safeParse(reply.data);
    if (!parsed.success) throw new DomainError('INTERNAL', `Unexpected reply from ${CREDITS_RPC.public.summary}`);
    return parsed.data;
  }
}
