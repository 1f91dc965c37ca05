import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { AccountType, RegistryCode, TonnesTotal } from './credits.primitives';

/** NATS `credits.registry.create`: 登録簿 of one side (Japan's, or a partner country's), run by its manager org. */
export const CreateRegistryCommand = z.object({
  code: RegistryCode,
  nameEn: text({ max: 200, kind: 'name' }),
  nameJa: text({ max: 200, kind: 'name' }),
  managerOrgId: z.uuid(),
});
export type CreateRegistryCommand = z.infer<typeof CreateRegistryCommand>;

export const RegistryView = z.object({
  code: RegistryCode,
  nameEn: z.string(),
  nameJa: z.string(),
  managerOrgId: z.uuid(),
  createdAt: z.iso.datetime(),
});
export type RegistryView = z.infer<typeof RegistryView>;
export const RegistryList = z.object({ items: z.array(RegistryView) });
export type RegistryList = z.infer<typeof RegistryList>;

/** NATS `credits.account.open`: the registry manager opens a holding account (口座開設) for an organisation. */
export const OpenAccountCommand = z.object({
  registry: RegistryCode,
  type: z.enum(['GOVERNMENT_HOLDING', 'ENTITY_HOLDING']),
  ownerOrgId: z.uuid(),
  holderName: text({ max: 200, kind: 'name' }),
});
export type OpenAccountCommand = z.infer<typeof OpenAccountCommand>;

export const AccountView = z.object({
  id: z.uuid(),
  accountNumber: z.string(),
  registry: RegistryCode,
  type: AccountType,
  ownerOrgId: z.uuid(),
  holderName: z.string(),
  /** Whole tonnes held; negative only for the ISSUANCE contra account. */
  balance: TonnesTotal,
  version: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
});
export type AccountView = z.infer<typeof AccountView>;

export const ListAccountsQuery = PageQuery.extend({
  registry: RegistryCode.optional(),
  type: AccountType.optional(),
});
export type ListAccountsQuery = z.infer<typeof ListAccountsQuery>;

export const AccountPage = pageOf(AccountView);
export type AccountPage = z.infer<typeof AccountPage>;

export const GetAccountQuery = z.object({ id: z.uuid() });
export type GetAccountQuery = z.infer<typeof GetAccountQuery>;
