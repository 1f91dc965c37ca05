import * as z from 'zod';
import { text } from '../shared/text';
import { pageOf, PageQuery } from '../shared/page';
import { CalendarDate, sortParam } from './programme.primitives';
import { PartyRef } from './partnership.commands';

/** 関心表明レター states, city-partnerships.md §6.7. */
export const InterestLetterState = z.enum([
  'requested',
  'received',
  'translation_attached',
  'attached_to_proposal',
]);
export type InterestLetterState = z.infer<typeof InterestLetterState>;

export const LetterIssuerRole = z.enum(['JP_MUNICIPALITY', 'PARTNER_CITY', 'STAKEHOLDER']);
export type LetterIssuerRole = z.infer<typeof LetterIssuerRole>;

export const LetterMediaType = z.enum(['application/pdf', 'image/png', 'image/jpeg']);
export type LetterMediaType = z.infer<typeof LetterMediaType>;

/**
 * Largest letter file accepted, in bytes. Kept under the gateway's 1 MB JSON body and NATS' default 1 MB payload
 * (base64 adds a third); raising it needs both limits raised (see the service README).
 */
export const LETTER_MAX_BYTES = 512 * 1024;

/** A file as base64 in JSON; the service decodes it, checks size and magic bytes, and stores it as bytea. */
export const LetterFileUpload = z.object({
  filename: text({ max: 200, kind: 'name' }),
  mediaType: LetterMediaType,
  contentBase64: z
    .string()
    .min(4)
    .max(Math.ceil((LETTER_MAX_BYTES * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Must be base64'),
});
export type LetterFileUpload = z.infer<typeof LetterFileUpload>;

/** POST /interest-letters: the contractor requests a letter from an issuer for its proposal. */
export const RequestInterestLetterRequest = z.object({
  proposalId: z.uuid(),
  issuerOrgId: z.uuid(),
  issuerRole: LetterIssuerRole,
});
export type RequestInterestLetterRequest = z.infer<typeof RequestInterestLetterRequest>;

export const RequestInterestLetterCommand = RequestInterestLetterRequest.extend({ issuer: PartyRef });
export type RequestInterestLetterCommand = z.infer<typeof RequestInterestLetterCommand>;

/** POST /interest-letters/:id/original: the issuer (or the contractor for it) uploads the signed original. */
export const UploadLetterOriginalCommand = z.object({
  id: z.uuid(),
  language: text({ max: 10, kind: 'name', min: 2 }),
  signatoryName: text({ max: 200, kind: 'name' }),
  signatoryTitle: text({ max: 200, kind: 'name', min: 0 }).optional(),
  signedOn: CalendarDate,
  statement: text({ max: 4000, kind: 'multiline', min: 0 }).optional(),
  file: LetterFileUpload,
});
export type UploadLetterOriginalCommand = z.infer<typeof UploadLetterOriginalCommand>;

/** POST /interest-letters/:id/translation: 和訳 (mandatory for a non-Japanese letter). */
export const AttachLetterTranslationCommand = z.object({ id: z.uuid(), file: LetterFileUpload });
export type AttachLetterTranslationCommand = z.infer<typeof AttachLetterTranslationCommand>;

export const LetterFileView = z.object({
  id: z.uuid(),
  kind: z.enum(['ORIGINAL', 'TRANSLATION']),
  filename: z.string(),
  mediaType: LetterMediaType,
  sizeBytes: z.number().int(),
  sha256: z.string(),
});

export const InterestLetterView = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  issuer: PartyRef,
  issuerRole: LetterIssuerRole,
  language: z.string().nullable(),
  signatoryName: z.string().nullable(),
  signatoryTitle: z.string().nullable(),
  signedOn: z.string().nullable(),
  statement: z.string().nullable(),
  state: InterestLetterState,
  files: z.array(LetterFileView),
  createdAt: z.iso.datetime(),
});
export type InterestLetterView = z.infer<typeof InterestLetterView>;

export const GetLetterFileQuery = z.object({ id: z.uuid(), kind: z.enum(['ORIGINAL', 'TRANSLATION']) });
export const LetterFileContent = LetterFileView.extend({ contentBase64: z.string() });
export type LetterFileContent = z.infer<typeof LetterFileContent>;

export const ListInterestLettersQuery = PageQuery.extend({
  proposalId: z.uuid().optional(),
  state: InterestLetterState.optional(),
  sort: sortParam(['createdAt'] as const, 'createdAt'),
});
export type ListInterestLettersQuery = z.infer<typeof ListInterestLettersQuery>;

export const InterestLetterPage = pageOf(InterestLetterView);
export type InterestLetterPage = z.infer<typeof InterestLetterPage>;
