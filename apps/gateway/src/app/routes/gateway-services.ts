import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DATA_SOURCE } from '@jcm/service-kit';
import { AuthService } from '../auth/auth.service';
import { FileAttachments } from '../files/file-attachments';
import { IdentityRepository } from '../identity/identity.repository';
import { ServiceBus } from '../nats-client';

/** The OpenAPI document, built once from the route tables (app.module provides it). */
export const OPENAPI_DOCUMENT = 'JCM_OPENAPI_DOCUMENT';

/** What route code may use: the NATS bus, the identity schema, sign-in, file attachments and the OpenAPI document. */
@Injectable()
export class GatewayServices {
  constructor(
    readonly bus: ServiceBus,
    readonly identity: IdentityRepository,
    readonly auth: AuthService,
    readonly files: FileAttachments,
    @Inject(DATA_SOURCE) readonly ds: DataSource,
    @Inject(OPENAPI_DOCUMENT) readonly openApi: object,
  ) {}
}
