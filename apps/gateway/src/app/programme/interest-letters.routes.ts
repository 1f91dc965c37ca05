import {
  AttachLetterTranslationCommand,
  GetLetterFileQuery,
  IdParam,
  InterestLetterPage,
  InterestLetterView,
  LetterFileContent,
  ListInterestLettersQuery,
  PARTNERSHIP_RPC,
  RequestInterestLetterRequest,
  UploadLetterOriginalCommand,
} from '@jcm/contracts';
import { route, routeArea } from '../routes/route';
import { partyOf } from './programme-parties';

const RPC = PARTNERSHIP_RPC.interestLetter;

/** /api/v1/interest-letters: 関心表明レター with its original and 和訳 (base64 in JSON). */
export const INTEREST_LETTER_ROUTES = routeArea('InterestLetters', [
  route({
    method: 'POST',
    path: 'interest-letters',
    idempotencyKey: true,
    summary: '関心表明レター: request a letter from its issuer',
    body: RequestInterestLetterRequest,
    response: InterestLetterView,
    rpc: { subject: RPC.request },
    prepare: async (req, { services: { identity } }) => ({
      ...req,
      issuer: await partyOf(identity, req.issuerOrgId, 'issuerOrgId'),
    }),
  }),
  route({
    method: 'GET',
    path: 'interest-letters',
    summary: '関心表明レター: letters visible to the caller',
    query: ListInterestLettersQuery,
    response: InterestLetterPage,
    rpc: { subject: RPC.list },
  }),
  route({
    method: 'GET',
    path: 'interest-letters/:id',
    summary: '関心表明レター: one letter',
    params: IdParam,
    response: InterestLetterView,
    rpc: { subject: RPC.get },
  }),
  route({
    method: 'POST',
    path: 'interest-letters/:id/original',
    summary: '関心表明レター: upload the signed original (base64)',
    status: 200,
    body: UploadLetterOriginalCommand,
    response: InterestLetterView,
    rpc: { subject: RPC.uploadOriginal },
  }),
  route({
    method: 'POST',
    path: 'interest-letters/:id/translation',
    summary: '関心表明レター: attach the Japanese translation (和訳, base64)',
    status: 200,
    body: AttachLetterTranslationCommand,
    response: InterestLetterView,
    rpc: { subject: RPC.attachTranslation },
  }),
  route({
    method: 'POST',
    path: 'interest-letters/:id/attach',
    summary: '関心表明レター: attach to its proposal',
    status: 200,
    params: IdParam,
    response: InterestLetterView,
    rpc: { subject: RPC.attachToProposal },
  }),
  route({
    method: 'GET',
    path: 'interest-letters/:id/files/:kind',
    summary:
      '関心表明レター: download the ORIGINAL or TRANSLATION (base64 content, after the service confirms access)',
    params: GetLetterFileQuery,
    response: LetterFileContent,
    rpc: { subject: RPC.getFile },
  }),
]);
