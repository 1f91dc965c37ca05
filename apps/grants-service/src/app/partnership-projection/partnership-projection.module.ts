import { Module } from '@nestjs/common';
import { PartnershipProjectionHandler } from './partnership-projection.handler';
import { PartnershipProjectionService } from './partnership-projection.service';

@Module({ controllers: [PartnershipProjectionHandler], providers: [PartnershipProjectionService] })
export class PartnershipProjectionModule {}
