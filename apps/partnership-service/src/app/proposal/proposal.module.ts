import { Module } from '@nestjs/common';
import { ProposalHandler } from './proposal.handler';
import { ProposalService } from './proposal.service';

@Module({ controllers: [ProposalHandler], providers: [ProposalService] })
export class ProposalModule {}
