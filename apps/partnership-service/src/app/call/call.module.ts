import { Module } from '@nestjs/common';
import { CallHandler } from './call.handler';
import { CallService } from './call.service';

@Module({ controllers: [CallHandler], providers: [CallService], exports: [CallService] })
export class CallModule {}
