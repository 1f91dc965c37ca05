import { CreateMessagingPlumbing1767312000000 } from './1767312000000-CreateMessagingPlumbing';
import { CreateRegistriesAndAccounts1767312000001 } from './1767312000001-CreateRegistriesAndAccounts';
import { CreateProjectsIssuancesAndBlocks1767312000002 } from './1767312000002-CreateProjectsIssuancesAndBlocks';
import { CreateJournal1767312000003 } from './1767312000003-CreateJournal';
import { Article6AndPendingIssuances1767312000004 } from './1767312000004-Article6AndPendingIssuances';
import { JournalLinesIndex1767312000005 } from './1767312000005-JournalLinesIndex';
import { AddEventOrdering1768000014000 } from './1768000014000-AddEventOrdering';

/** In order; each is tested up, down, up. */
export const CREDITS_MIGRATIONS = [
  CreateMessagingPlumbing1767312000000,
  CreateRegistriesAndAccounts1767312000001,
  CreateProjectsIssuancesAndBlocks1767312000002,
  CreateJournal1767312000003,
  Article6AndPendingIssuances1767312000004,
  JournalLinesIndex1767312000005,
  AddEventOrdering1768000014000,
];
