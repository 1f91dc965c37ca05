import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AttachLetterTranslationCommand,
  DomainError,
  PARTNERSHIP_EVENTS,
  PARTNERSHIP_RPC,
  InterestLetterPage,
  InterestLetterView,
  isContractor,
  LetterFileContent,
  ListInterestLettersQuery,
  RequestContext,
  RequestInterestLetterCommand,
  UploadLetterOriginalCommand,
} from '@jcm/contracts';
import {
  Aggregate,
  assertState,
  DATA_SOURCE,
  forbidden,
  notFound,
  NOW,
  queryRows,
  Where,
} from '@jcm/service-kit';
import { PROPOSAL_SOURCE } from '../proposal/proposal.rows';
import {
  INTEREST_LETTER,
  INTEREST_LETTER_FILE,
  INTEREST_LETTER_SOURCE,
  InterestLetterRow,
  toInterestLetterView,
} from './interest-letter.rows';
import { decodeLetterFile, DecodedFile } from './letter-file';

/** The issuer's org type for each letter role (§2.3 ⑨: JP city, partner city, or another stakeholder). */
const ROLE_ORG_TYPE = { JP_MUNICIPALITY: 'MUNICIPALITY', PARTNER_CITY: 'PARTNER_CITY' } as const;

/** 関心表明レター: requested by the contractor, uploaded by the issuer, translated (和訳), attached to the proposal. */
@Injectable()
export class InterestLetterService {
  private readonly letters;

  constructor(@Inject(DATA_SOURCE) ds: DataSource) {
    this.letters = new Aggregate(ds, {
      schema: 'partnership',
      source: INTEREST_LETTER_SOURCE,
      view: toInterestLetterView,
    });
  }

  /** Once per Idempotency-Key: a retried request does not ask the issuer twice. */
  request(ctx: RequestContext, cmd: RequestInterestLetterCommand): Promise<InterestLetterView> {
    return this.letters.create(
      ctx,
      { operation: PARTNERSHIP_RPC.interestLetter.request, body: cmd },
      async (m) => {
        const p = await PROPOSAL_SOURCE.find(m, ctx, cmd.proposalId);
        if (!isContractor(ctx, p.company.orgId))
          throw forbidden('Only the applying company requests letters for its proposal.');
        assertState('proposal', p.state, ['draft'], 'add a letter to');
        const expected =
          cmd.issuerRole === 'JP_MUNICIPALITY'
            ? p.municipality.orgId
            : cmd.issuerRole === 'PARTNER_CITY'
              ? p.partner_city.orgId
              : null;
        if (expected && expected !== cmd.issuerOrgId) {
          throw new DomainError(
            'VALIDATION_FAILED',
            'The issuer must be the proposal’s own city for that role.',
            [{ path: 'issuerOrgId', message: `Must be ${expected}` }],
          );
        }
        if (!p.participant_org_ids.includes(cmd.issuerOrgId)) {
          throw new DomainError('VALIDATION_FAILED', 'The issuer must be a member of the consortium.', [
            { path: 'issuerOrgId', message: 'Not a consortium member' },
          ]);
        }
        const letter = await INTEREST_LETTER.insert(m, {
          proposal_id: cmd.proposalId,
          issuer: cmd.issuer,
          issuer_role: cmd.issuerRole,
          participant_org_ids: p.participant_org_ids,
          created_by: ctx.userId,
        });
        return { id: letter.id, outcome: PARTNERSHIP_EVENTS.interestLetter.requested };
      },
    );
  }

  /** The issuer uploads its own signed original (the contractor may upload a copy for it); a re-upload replaces it. */
  async uploadOriginal(ctx: RequestContext, cmd: UploadLetterOriginalCommand): Promise<InterestLetterView> {
    const file = decodeLetterFile(cmd.file, 'file');
    return this.letters.transition(ctx, cmd.id, async (m, l) => {
      this.assertIssuerOrContractor(ctx, l);
      assertState('letter', l.state, ['requested', 'received'], 'upload the original of');
      await this.storeFile(m, ctx, l, 'ORIGINAL', file);
      await INTEREST_LETTER.update(m, l.id, {
        language: cmd.language.toLowerCase(),
        signatory_name: cmd.signatoryName,
        signatory_title: cmd.signatoryTitle ?? null,
        signed_on: cmd.signedOn,
        statement: cmd.statement ?? null,
        state: 'received',
      });
      return PARTNERSHIP_EVENTS.interestLetter.received;
    });
  }

  async attachTranslation(
    ctx: RequestContext,
    cmd: AttachLetterTranslationCommand,
  ): Promise<InterestLetterView> {
    const file = decodeLetterFile(cmd.file, 'file');
    return this.letters.transition(ctx, cmd.id, async (m, l) => {
      this.assertIssuerOrContractor(ctx, l);
      assertState('letter', l.state, ['received', 'translation_attached'], 'attach a translation to');
      await this.storeFile(m, ctx, l, 'TRANSLATION', file);
      await INTEREST_LETTER.update(m, l.id, { state: 'translation_attached' });
      return PARTNERSHIP_EVENTS.interestLetter.translationAttached;
    });
  }

  /** ⑨: a non-Japanese letter goes into the proposal only with its 和訳. */
  async attachToProposal(ctx: RequestContext, id: string): Promise<InterestLetterView> {
    return this.letters.transition(ctx, id, async (m, l) => {
      if (!isContractor(ctx, l.company.orgId))
        throw forbidden('Only the applying company attaches letters to its proposal.');
      assertState('letter', l.state, ['received', 'translation_attached'], 'attach');
      assertState('proposal', l.proposal_state, ['draft'], 'attach a letter to');
      if (l.language !== 'ja' && !l.files.some((f) => f.kind === 'TRANSLATION')) {
        throw new DomainError('RULE_VIOLATION', 'A letter not in Japanese needs its Japanese translation.', [
          {
            path: 'C3P-E3',
            message:
              '⑨ 日本語以外の関心表明レターには和訳の添付が必要です。 / ⑨ A letter not in Japanese needs a Japanese translation. (city-partnerships.md §2.3 ⑨, §7.4 E3 / ガイドブック §3.2)',
          },
        ]);
      }
      await INTEREST_LETTER.update(m, l.id, { state: 'attached_to_proposal' });
      return PARTNERSHIP_EVENTS.interestLetter.attachedToProposal;
    });
  }

  file(ctx: RequestContext, id: string, kind: 'ORIGINAL' | 'TRANSLATION'): Promise<LetterFileContent> {
    return this.letters.inTransaction(ctx, undefined, async (m) => {
      const w = new Where().eq('f.letter_id', id).eq('f.kind', kind).tenant(ctx, 'f');
      const sql = `SELECT ${INTEREST_LETTER_FILE.selectList('f')} FROM ${INTEREST_LETTER_FILE.name} f ${w.toSql()}`;
      const [f] = await queryRows(m, INTEREST_LETTER_FILE.columns, sql, w.params);
      if (!f) throw notFound('Letter file', `${id}/${kind}`);
      return {
        id: f.id,
        kind: f.kind,
        filename: f.filename,
        mediaType: f.media_type as LetterFileContent['mediaType'],
        sizeBytes: f.size_bytes,
        sha256: f.sha256,
        contentBase64: f.content.toString('base64'),
      };
    });
  }

  list(ctx: RequestContext, q: ListInterestLettersQuery): Promise<InterestLetterPage> {
    return this.letters.list(ctx, q, { createdAt: 'l.created_at' }, (w) =>
      w.eq('l.proposal_id', q.proposalId).eq('l.state', q.state),
    );
  }

  get(ctx: RequestContext, id: string): Promise<InterestLetterView> {
    return this.letters.get(ctx, id);
  }

  private assertIssuerOrContractor(ctx: RequestContext, l: InterestLetterRow): void {
    const issuer = ctx.role !== 'viewer' && ctx.orgId === l.issuer.orgId;
    if (!issuer && !isContractor(ctx, l.company.orgId))
      throw forbidden('Only the issuer or the applying company handles this letter.');
    if (
      issuer &&
      ROLE_ORG_TYPE[l.issuer_role as keyof typeof ROLE_ORG_TYPE] &&
      ctx.orgType !== ROLE_ORG_TYPE[l.issuer_role as keyof typeof ROLE_ORG_TYPE]
    ) {
      throw forbidden('The issuer organisation type does not match the letter role.');
    }
  }

  /** A re-upload replaces the letter's file of that kind. */
  private async storeFile(
    m: EntityManager,
    ctx: RequestContext,
    l: InterestLetterRow,
    kind: 'ORIGINAL' | 'TRANSLATION',
    f: DecodedFile,
  ): Promise<void> {
    await INTEREST_LETTER_FILE.upsert(
      m,
      {
        letter_id: l.id,
        kind,
        filename: f.filename,
        media_type: f.mediaType,
        size_bytes: f.content.length,
        sha256: f.sha256,
        content: f.content,
        participant_org_ids: l.participant_org_ids,
        uploaded_by: ctx.userId,
        uploaded_at: NOW,
      },
      ['letter_id', 'kind'],
    );
  }
}
