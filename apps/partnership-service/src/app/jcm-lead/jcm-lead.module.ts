import { Module } from '@nestjs/common';
import { JcmLeadHandler } from './jcm-lead.handler';
import { JcmLeadService } from './jcm-lead.service';

@Module({ controllers: [JcmLeadHandler], providers: [JcmLeadService] })
export class JcmLeadModule {}
