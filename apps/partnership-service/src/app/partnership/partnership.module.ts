import { Module } from '@nestjs/common';
import { PartnershipHandler } from './partnership.handler';
import { PartnershipService } from './partnership.service';

@Module({ controllers: [PartnershipHandler], providers: [PartnershipService] })
export class PartnershipModule {}
