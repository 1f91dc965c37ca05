import { Module } from '@nestjs/common';
import { AccountHistoryService } from './account/account-history.service';
import { AccountHandler } from './account/account.handler';
import { AccountService } from './account/account.service';
import { BlockHandler } from './block/block.handler';
import { Article6Service } from './block/article6.service';
import { BlockService } from './block/block.service';
import { BlockTraceService } from './block/block-trace.service';
import { CancellationHandler } from './cancellation/cancellation.handler';
import { CancellationService } from './cancellation/cancellation.service';
import { IssuanceHandler } from './issuance/issuance.handler';
import { IssuanceService } from './issuance/issuance.service';
import { PendingIssuanceService } from './issuance/pending-issuance.service';
import { LedgerHandler } from './ledger/ledger.handler';
import { ProgressHandler } from './progress/progress.handler';
import { ProgressService } from './progress/progress.service';
import { ProjectHandler } from './project/project.handler';
import { ProjectService } from './project/project.service';
import { PublicSummaryHandler } from './public/public-summary.handler';
import { PublicSummaryService } from './public/public-summary.service';
import { RegistryHandler } from './registry/registry.handler';
import { RegistryService } from './registry/registry.service';
import { RetirementHandler } from './retirement/retirement.handler';
import { RetirementService } from './retirement/retirement.service';
import { TransferHandler } from './transfer/transfer.handler';
import { TransferService } from './transfer/transfer.service';

/** The JCM registry: one feature folder per aggregate, all posting through ledger/credit-ledger.ts. */
@Module({
  controllers: [
    RegistryHandler,
    AccountHandler,
    ProjectHandler,
    IssuanceHandler,
    TransferHandler,
    RetirementHandler,
    CancellationHandler,
    BlockHandler,
    LedgerHandler,
    PublicSummaryHandler,
    ProgressHandler,
  ],
  providers: [
    RegistryService,
    AccountService,
    AccountHistoryService,
    ProjectService,
    IssuanceService,
    TransferService,
    RetirementService,
    CancellationService,
    BlockService,
    BlockTraceService,
    PublicSummaryService,
    Article6Service,
    PendingIssuanceService,
    ProgressService,
  ],
})
export class CreditsModule {}
