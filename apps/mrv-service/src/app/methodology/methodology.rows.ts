import { MethodologyVersionView, TpeAccreditationView } from '@jcm/contracts';
import {
  bool,
  computed,
  date,
  defineSource,
  defineTable,
  int,
  jsonb,
  text,
  timestamptz,
  uuid,
} from '@jcm/service-kit';

/** mrv.methodology_version: one row per (methodology, version); the document is the engine's `Methodology`. */
export const METHODOLOGY_VERSION = defineTable(
  'mrv.methodology_version',
  {
    methodology_id: text(),
    version: text(),
    status: text<'DRAFT' | 'PUBLISHED'>(),
    title_ja: text(),
    title_en: text(),
    sectoral_scope: int(),
    published_on: date().nullable(),
    document: jsonb<Record<string, unknown>>(),
    canonical_sha256: text(),
    created_by: uuid().nullable(),
    created_at: timestamptz().default(),
  },
  { key: 'methodology_id' },
);

/** Reference data without tenant RLS: the source's policy (none) decides, every user reads it. */
export const METHODOLOGY_SOURCE = defineSource({
  from: 'mrv.methodology_version v',
  alias: 'v',
  key: 'methodology_id',
  label: 'Methodology',
  tenancy: 'policy',
  fields: {
    ...METHODOLOGY_VERSION.fields('v'),
    in_use: computed(
      `EXISTS (SELECT 1 FROM mrv.monitoring_report r WHERE r.methodologies @> jsonb_build_array(jsonb_build_object('id', v.methodology_id, 'version', v.version)))`,
      bool(),
    ),
  },
});
export type MethodologyRow = ReturnType<typeof METHODOLOGY_SOURCE.decode>;

export function toMethodologyView(r: MethodologyRow): MethodologyVersionView {
  return {
    methodologyId: r.methodology_id,
    version: r.version,
    status: r.status,
    titleJa: r.title_ja,
    titleEn: r.title_en,
    sectoralScope: r.sectoral_scope,
    publishedOn: r.published_on,
    canonicalSha256: r.canonical_sha256,
    inUse: r.in_use,
    document: r.document,
  };
}

/** mrv.tpe_accreditation (第三者機関の指定): which sectoral scopes a TPE may validate and verify, and when. */
export const TPE_ACCREDITATION = defineTable('mrv.tpe_accreditation', {
  id: uuid().default(),
  tpe_org_id: uuid(),
  sectoral_scope: int(),
  valid_from: date(),
  valid_until: date().nullable(),
  reference: text(),
  created_by: uuid().nullable(),
  created_at: timestamptz().default(),
});
export const TPE_ACCREDITATION_SOURCE = defineSource({
  from: 'mrv.tpe_accreditation a',
  alias: 'a',
  label: 'TPE accreditation',
  tenancy: 'policy',
  fields: TPE_ACCREDITATION.fields('a'),
});
export type TpeAccreditationRow = ReturnType<typeof TPE_ACCREDITATION_SOURCE.decode>;

export function toAccreditationView(r: TpeAccreditationRow): TpeAccreditationView {
  return {
    id: r.id,
    tpeOrgId: r.tpe_org_id,
    sectoralScope: r.sectoral_scope,
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    reference: r.reference,
  };
}
