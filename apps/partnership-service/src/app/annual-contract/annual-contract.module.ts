import { Module } from '@nestjs/common';
import { AnnualContractHandler } from './annual-contract.handler';
import { AnnualContractService } from './annual-contract.service';

@Module({ controllers: [AnnualContractHandler], providers: [AnnualContractService] })
export class AnnualContractModule {}
