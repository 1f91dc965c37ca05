import * as z from 'zod';
import { pageOf, PageQuery } from '../shared/page';
import { Article6Attributes, AuthorisedUse } from './credits.article6';
import { CreditBlockStatus, RegistryCode } from './credits.primitives';

/** A serial-numbered credit block (クレジットブロック): a contiguous range of units held in one account. */
export const CreditBlockView = z.object({
  id: z.uuid(),
  serial: z.string(),
  registry: RegistryCode,
  projectReference: z.string(),
  vintage: z.number().int(),
  firstUnit: z.string(),
  lastUnit: z.string(),
  quantity: z.string(),
  accountId: z.uuid(),
  status: CreditBlockStatus,
  issuanceId: z.uuid(),
  /** Article 6.2 authorisation, first transfer and corresponding adjustment (always present in replies). */
  article6: Article6Attributes.optional(),
});
export type CreditBlockView = z.infer<typeof CreditBlockView>;

export const ListBlocksQuery = PageQuery.extend({
  accountId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  vintage: z.coerce.number().int().optional(),
  status: CreditBlockStatus.optional(),
  authorisedUse: AuthorisedUse.optional(),
});
export type ListBlocksQuery = z.infer<typeof ListBlocksQuery>;

export const CreditBlockPage = pageOf(CreditBlockView);
export type CreditBlockPage = z.infer<typeof CreditBlockPage>;
