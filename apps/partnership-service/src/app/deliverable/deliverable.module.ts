import { Module } from '@nestjs/common';
import { DeliverableHandler } from './deliverable.handler';
import { DeliverableService } from './deliverable.service';

@Module({ controllers: [DeliverableHandler], providers: [DeliverableService] })
export class DeliverableModule {}
