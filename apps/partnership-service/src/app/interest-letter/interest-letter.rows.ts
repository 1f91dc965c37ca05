import { InterestLetterView, PartyRef } from '@jcm/contracts';
import {
  bytea,
  computed,
  date,
  defineSource,
  defineTable,
  int,
  isoAt,
  jsonb,
  text,
  timestamptz,
  uuid,
  uuidArray,
} from '@jcm/service-kit';
import { PROPOSAL } from '../proposal/proposal.rows';

/** 関心表明レター (partnership.interest_letter): metadata; the files live in their own table. */
export const INTEREST_LETTER = defineTable(
  'partnership.interest_letter',
  {
    id: uuid().default(),
    proposal_id: uuid(),
    issuer: jsonb<PartyRef>(),
    issuer_role: text<InterestLetterView['issuerRole']>(),
    language: text().nullable().default(),
    signatory_name: text().nullable().default(),
    signatory_title: text().nullable().default(),
    signed_on: date().nullable().default(),
    statement: text().nullable().default(),
    state: text<InterestLetterView['state']>().default(),
    participant_org_ids: uuidArray(),
    created_by: uuid(),
    created_at: timestamptz().default(),
    updated_at: timestamptz().default(),
  },
  { touch: 'updated_at' },
);

/** A letter's file (partnership.interest_letter_file): bytea, so lists never load content. */
export const INTEREST_LETTER_FILE = defineTable('partnership.interest_letter_file', {
  id: uuid().default(),
  letter_id: uuid(),
  kind: text<'ORIGINAL' | 'TRANSLATION'>(),
  filename: text(),
  media_type: text(),
  size_bytes: int(),
  sha256: text(),
  content: bytea(),
  participant_org_ids: uuidArray(),
  uploaded_by: uuid(),
  uploaded_at: timestamptz().default(),
});

const FILES = `coalesce((SELECT json_agg(json_build_object('id', f.id, 'kind', f.kind, 'filename', f.filename, 'mediaType', f.media_type,
  'sizeBytes', f.size_bytes, 'sha256', f.sha256) ORDER BY f.kind) FROM partnership.interest_letter_file f WHERE f.letter_id = l.id), '[]')`;

export const INTEREST_LETTER_SOURCE = defineSource({
  from: 'partnership.interest_letter l JOIN partnership.proposal p ON p.id = l.proposal_id',
  alias: 'l',
  label: 'Interest letter',
  fields: {
    ...INTEREST_LETTER.fields('l'),
    company: PROPOSAL.field('p', 'company'),
    proposal_state: PROPOSAL.field('p', 'state'),
    files: computed(FILES, jsonb<InterestLetterView['files']>()),
  },
});
export type InterestLetterRow = ReturnType<typeof INTEREST_LETTER_SOURCE.decode>;

export function toInterestLetterView(r: InterestLetterRow): InterestLetterView {
  return {
    id: r.id,
    proposalId: r.proposal_id,
    issuer: r.issuer,
    issuerRole: r.issuer_role,
    language: r.language,
    signatoryName: r.signatory_name,
    signatoryTitle: r.signatory_title,
    signedOn: r.signed_on,
    statement: r.statement,
    state: r.state,
    files: r.files,
    createdAt: isoAt(r.created_at),
  };
}
