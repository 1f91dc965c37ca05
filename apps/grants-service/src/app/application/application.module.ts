import { Module } from '@nestjs/common';
import { ApplicationHandler } from './application.handler';
import { ApplicationService } from './application.service';
import { ReturnRecords } from './return-records';
import { ReviewService } from './review.service';

@Module({
  controllers: [ApplicationHandler],
  providers: [ApplicationService, ReviewService, ReturnRecords],
  exports: [ApplicationService],
})
export class ApplicationModule {}
