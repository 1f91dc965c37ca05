import * as z from 'zod';

/** Reply of `grants.partnership-projection.list`: the partnerships grants-service knows of (from events). */
export const PartnershipProjectionList = z.object({
  items: z.array(z.object({ partnershipId: z.uuid(), titleJa: z.string(), titleEn: z.string() })),
});
export type PartnershipProjectionList = z.infer<typeof PartnershipProjectionList>;
