import * as z from 'zod';
import { text } from '../shared/text';
import { sortParam } from '../partnership/programme.primitives';
import { pageOf, PageQuery } from '../shared/page';

const IsoDate = z.iso.date();
const MethodologyId = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,63}$/, 'Upper-case letters, digits, _ and -');
const Version = z.string().regex(/^\d{1,3}\.\d{1,3}$/, 'major.minor, e.g. "1.0"');

/**
 * NATS `mrv.methodology.save`: create or replace a DRAFT version of a methodology (方法論). The body is checked by
 * the engine (`validateMethodology`, @jcm/rules) in the service, so a formula error comes back as a 400 at
 * `methodology.outputs.<i>.formula` with its line and column; a published version is never replaced.
 */
export const SaveMethodologyCommand = z.object({
  methodology: z.record(text({ max: 100, kind: 'name' }), z.unknown()),
});
export type SaveMethodologyCommand = z.infer<typeof SaveMethodologyCommand>;

/** NATS `mrv.methodology.publish`: DRAFT → PUBLISHED (immutable from then on). */
export const PublishMethodologyCommand = z.object({ methodologyId: MethodologyId, version: Version });
export type PublishMethodologyCommand = z.infer<typeof PublishMethodologyCommand>;

/** NATS `mrv.methodology.revise`: a new DRAFT version beside a published one (版の改訂). */
export const ReviseMethodologyCommand = z.object({
  methodologyId: MethodologyId,
  version: Version,
  newVersion: Version,
});
export type ReviseMethodologyCommand = z.infer<typeof ReviseMethodologyCommand>;

export const GetMethodologyQuery = z.object({ methodologyId: MethodologyId, version: Version });
export type GetMethodologyQuery = z.infer<typeof GetMethodologyQuery>;

export const ListMethodologiesQuery = PageQuery.extend({
  sort: sortParam(['methodologyId', 'version'] as const, 'methodologyId'),
  methodologyId: MethodologyId.optional(),
  status: z.enum(['DRAFT', 'PUBLISHED']).optional(),
});
export type ListMethodologiesQuery = z.infer<typeof ListMethodologiesQuery>;

export const MethodologyVersionView = z.object({
  methodologyId: z.string(),
  version: z.string(),
  status: z.enum(['DRAFT', 'PUBLISHED']),
  titleJa: z.string(),
  titleEn: z.string(),
  sectoralScope: z.number().int(),
  publishedOn: IsoDate.nullable(),
  /** SHA-256 of the methodology's canonical JSON: what a calculation's trace is tied to. */
  canonicalSha256: z.string(),
  /** Used by at least one monitoring report: a published version is then frozen for good. */
  inUse: z.boolean(),
  /** The methodology as data (parameters, formulas, eligibility), as `MethodologyShape` in @jcm/rules. */
  document: z.record(z.string(), z.unknown()),
});
export type MethodologyVersionView = z.infer<typeof MethodologyVersionView>;
export const MethodologyVersionPage = pageOf(MethodologyVersionView);
export type MethodologyVersionPage = z.infer<typeof MethodologyVersionPage>;

/** NATS `mrv.tpe-accreditation.grant`: the secretariat/MOE records that a TPE may validate/verify a sectoral scope. */
export const GrantTpeAccreditationCommand = z
  .object({
    tpeOrgId: z.uuid(),
    sectoralScope: z.number().int().min(1).max(15),
    validFrom: IsoDate,
    validUntil: IsoDate.optional(),
    reference: text({ max: 200, kind: 'name' }),
  })
  .refine((c) => c.validUntil === undefined || c.validUntil >= c.validFrom, {
    path: ['validUntil'],
    message: 'Must not be before validFrom',
  });
export type GrantTpeAccreditationCommand = z.infer<typeof GrantTpeAccreditationCommand>;

export const ListTpeAccreditationsQuery = PageQuery.extend({
  tpeOrgId: z.uuid().optional(),
  sort: sortParam(['validFrom'] as const, 'validFrom'),
});
export type ListTpeAccreditationsQuery = z.infer<typeof ListTpeAccreditationsQuery>;

export const TpeAccreditationView = z.object({
  id: z.uuid(),
  tpeOrgId: z.uuid(),
  sectoralScope: z.number().int(),
  validFrom: IsoDate,
  validUntil: IsoDate.nullable(),
  reference: z.string(),
});
export type TpeAccreditationView = z.infer<typeof TpeAccreditationView>;
export const TpeAccreditationPage = pageOf(TpeAccreditationView);
export type TpeAccreditationPage = z.infer<typeof TpeAccreditationPage>;
