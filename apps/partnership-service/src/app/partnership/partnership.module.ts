import { Module } from '@nestjs/common';
import { PartnershipHandler } from './partnership.handler';
import { PartnershipTimelineService } from './partnership-timeline.service';
import { PartnershipService } from './partnership.service';

@Module({ controllers: [PartnershipHandler], providers: [PartnershipService, PartnershipTimelineService] })
export class PartnershipModule {}
