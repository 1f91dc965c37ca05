import { Module } from '@nestjs/common';
import { GrantCallHandler } from './call.handler';
import { GrantCallService } from './call.service';

@Module({ controllers: [GrantCallHandler], providers: [GrantCallService], exports: [GrantCallService] })
export class GrantCallModule {}
