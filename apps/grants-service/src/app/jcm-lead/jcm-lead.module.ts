import { Module } from '@nestjs/common';
import { JcmLeadProjectionService } from './jcm-lead-projection.service';

@Module({ providers: [JcmLeadProjectionService] })
export class JcmLeadProjectionModule {}
