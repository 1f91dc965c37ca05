import { Module } from '@nestjs/common';
import { InterestLetterHandler } from './interest-letter.handler';
import { InterestLetterService } from './interest-letter.service';

@Module({ controllers: [InterestLetterHandler], providers: [InterestLetterService] })
export class InterestLetterModule {}
