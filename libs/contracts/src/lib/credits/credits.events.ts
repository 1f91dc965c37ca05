import * as z from 'zod';
import { AccountView, RegistryView } from './credits.accounts';
import { Article6ActionView } from './credits.article6';
import { PendingIssuanceView } from './credits.pending-issuances';
import { IssuanceView, MovementView } from './credits.operations';
import { ProjectView } from './credits.projects';

/** evt.credits.block.issued: mrv/grants mark the monitoring obligation met; portfolio counts issued tCO2. */
export const BlockIssuedEvent = IssuanceView;
export type BlockIssuedEvent = z.infer<typeof BlockIssuedEvent>;
/** evt.credits.transfer.completed / retirement.completed / cancellation.completed. */
export const MovementCompletedEvent = MovementView;
export type MovementCompletedEvent = z.infer<typeof MovementCompletedEvent>;
export const AccountOpenedEvent = AccountView;
export const RegistryCreatedEvent = RegistryView;
export const ProjectRegisteredEvent = ProjectView;
/** evt.credits.block.authorised / evt.credits.block.corresponding-adjustment-applied: the Article 6 audit trail. */
export const Article6ActionEvent = Article6ActionView;
/** evt.credits.issuance.pending (from a verified monitoring report) / evt.credits.issuance.rejected. */
export const PendingIssuanceEvent = PendingIssuanceView;
