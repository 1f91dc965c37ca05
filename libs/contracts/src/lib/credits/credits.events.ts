import * as z from 'zod';
import { AccountView, RegistryView } from './credits.accounts';
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
