import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AttachLetterTranslationCommand,
  DomainError,
  InterestLetterPage,
  InterestLetterView,
  isContractor,
  LetterFileContent,
  ListInterestLettersQuery,
  PARTNERSHIP_EVENTS,
  PartyRef,
  RequestContext,
  RequestInterestLetterCommand,
  UploadLetterOriginalCommand,
} from '@jcm/contracts';
import { appendToOutbox, DATA_SOURCE, inTenantTransaction } from '@jcm/service-kit';
import { assertState, filters, forbidden, isoAt, notFound, pageRows, tenantFilter } from '../programme-shared/programme-sql';
import { decodeLetterFile, DecodedFile } from './letter-file';

const COLUMNS = `l.id, l.proposal_id, l.issuer, l.issuer_role, l.language, l.signatory_name, l.signatory_title,
  to_char(l.signed_on, 'YYYY-MM-DD') AS signed_on, l.statement, l.state, l.participant_org_ids, l.created_at,
  p.company, p.state AS proposal_state,
  coalesce((SELECT json_agg(json_build_object('id', f.id, 'kind', f.kind, 'filename', f.filename, 'mediaType', f.media_type,
    'sizeBytes', f.size_bytes, 'sha256', f.sha256) ORDER BY f.kind) FROM partnership.interest_letter_file f WHERE f.letter_id = l.id), '[]') AS files`;
const FROM = `FROM partnership.interest_letter l JOIN partnership.proposal p ON p.id = l.proposal_id`;

interface Row {
  id: string;
  proposal_id: string;
  issuer: PartyRef;
  issuer_role: InterestLetterView['issuerRole'];
  language: string | null;
  signatory_name: string | null;
  signatory_title: string | null;
  signed_on: string | null;
  statement: string | null;
  state: InterestLetterView['state'];
  participant_org_ids: string[];
  created_at: Date;
  company: PartyRef;
  proposal_state: string;
  files: InterestLetterView['files'];
}

/** The issuer's org type for each letter role (§2.3 ⑨: JP city, partner city, or another stakeholder). */
const ROLE_ORG_TYPE = { JP_MUNICIPALITY: 'MUNICIPALITY', PARTNER_CITY: 'PARTNER_CITY' } as const;

/** 関心表明レター: requested by the contractor, uploaded by the issuer, translated (和訳), attached to the proposal. */
@Injectable()
export class InterestLetterService {
  constructor(@Inject(DATA_SOURCE) private readonly ds: DataSource) {}

  async request(ctx: RequestContext, cmd: RequestInterestLetterCommand): Promise<InterestLetterView> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const params: unknown[] = [cmd.proposalId];
      const [p] = await m.query(
        `SELECT company, municipality, partner_city, state, participant_org_ids FROM partnership.proposal p WHERE id = $1 AND ${tenantFilter(ctx, 'p', params)}`,
        params,
      );
      if (!p) throw notFound('Proposal', cmd.proposalId);
      if (!isContractor(ctx, p.company.orgId)) throw forbidden('Only the applying company requests letters for its proposal.');
      assertState('proposal', p.state, ['draft'], 'add a letter to');
      const expected = cmd.issuerRole === 'JP_MUNICIPALITY' ? p.municipality.orgId : cmd.issuerRole === 'PARTNER_CITY' ? p.partner_city.orgId : null;
      if (expected && expected !== cmd.issuerOrgId) {
        throw new DomainError('VALIDATION_FAILED', 'The issuer must be the proposal’s own city for that role.', [{ path: 'issuerOrgId', message: `Must be ${expected}` }]);
      }
      if (!p.participant_org_ids.includes(cmd.issuerOrgId)) {
        throw new DomainError('VALIDATION_FAILED', 'The issuer must be a member of the consortium.', [{ path: 'issuerOrgId', message: 'Not a consortium member' }]);
      }
      const [{ id }] = await m.query(
        `INSERT INTO partnership.interest_letter (proposal_id, issuer, issuer_role, participant_org_ids, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [cmd.proposalId, cmd.issuer, cmd.issuerRole, p.participant_org_ids, ctx.userId],
      );
      return this.publish(m, ctx, id, PARTNERSHIP_EVENTS.interestLetter.requested.type);
    });
  }

  /** The issuer uploads its own signed original (the contractor may upload a copy for it); a re-upload replaces it. */
  async uploadOriginal(ctx: RequestContext, cmd: UploadLetterOriginalCommand): Promise<InterestLetterView> {
    const file = decodeLetterFile(cmd.file, 'file');
    return this.mutate(ctx, cmd.id, async (m, l) => {
      this.assertIssuerOrContractor(ctx, l);
      assertState('letter', l.state, ['requested', 'received'], 'upload the original of');
      await this.storeFile(m, ctx, l, 'ORIGINAL', file);
      await m.query(
        `UPDATE partnership.interest_letter SET language = $2, signatory_name = $3, signatory_title = $4, signed_on = $5, statement = $6,
           state = 'received', updated_at = now() WHERE id = $1`,
        [l.id, cmd.language.toLowerCase(), cmd.signatoryName, cmd.signatoryTitle ?? null, cmd.signedOn, cmd.statement ?? null],
      );
      return PARTNERSHIP_EVENTS.interestLetter.received.type;
    });
  }

  async attachTranslation(ctx: RequestContext, cmd: AttachLetterTranslationCommand): Promise<InterestLetterView> {
    const file = decodeLetterFile(cmd.file, 'file');
    return this.mutate(ctx, cmd.id, async (m, l) => {
      this.assertIssuerOrContractor(ctx, l);
      assertState('letter', l.state, ['received', 'translation_attached'], 'attach a translation to');
      await this.storeFile(m, ctx, l, 'TRANSLATION', file);
      await m.query(`UPDATE partnership.interest_letter SET state = 'translation_attached', updated_at = now() WHERE id = $1`, [l.id]);
      return PARTNERSHIP_EVENTS.interestLetter.translationAttached.type;
    });
  }

  /** ⑨: a non-Japanese letter goes into the proposal only with its 和訳. */
  async attachToProposal(ctx: RequestContext, id: string): Promise<InterestLetterView> {
    return this.mutate(ctx, id, async (m, l) => {
      if (!isContractor(ctx, l.company.orgId)) throw forbidden('Only the applying company attaches letters to its proposal.');
      assertState('letter', l.state, ['received', 'translation_attached'], 'attach');
      assertState('proposal', l.proposal_state, ['draft'], 'attach a letter to');
      if (l.language !== 'ja' && !l.files.some((f) => f.kind === 'TRANSLATION')) {
        throw new DomainError('RULE_VIOLATION', 'A letter not in Japanese needs its Japanese translation.', [
          {
            path: 'C3P-E3',
            message: '⑨ 日本語以外の関心表明レターには和訳の添付が必要です。 / ⑨ A letter not in Japanese needs a Japanese translation. (city-partnerships.md §2.3 ⑨, §7.4 E3 / ガイドブック §3.2)',
          },
        ]);
      }
      await m.query(`UPDATE partnership.interest_letter SET state = 'attached_to_proposal', updated_at = now() WHERE id = $1`, [l.id]);
      return PARTNERSHIP_EVENTS.interestLetter.attachedToProposal.type;
    });
  }

  async file(ctx: RequestContext, id: string, kind: 'ORIGINAL' | 'TRANSLATION'): Promise<LetterFileContent> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const params: unknown[] = [id, kind];
      const [f] = await m.query(
        `SELECT f.id, f.kind, f.filename, f.media_type, f.size_bytes, f.sha256, f.content FROM partnership.interest_letter_file f
          WHERE f.letter_id = $1 AND f.kind = $2 AND ${tenantFilter(ctx, 'f', params)}`,
        params,
      );
      if (!f) throw notFound('Letter file', `${id}/${kind}`);
      return { id: f.id, kind: f.kind, filename: f.filename, mediaType: f.media_type, sizeBytes: f.size_bytes, sha256: f.sha256, contentBase64: (f.content as Buffer).toString('base64') };
    });
  }

  async list(ctx: RequestContext, q: ListInterestLettersQuery): Promise<InterestLetterPage> {
    return inTenantTransaction(this.ds, ctx, async (m) => {
      const params: unknown[] = [];
      const where = [tenantFilter(ctx, 'l', params)];
      filters(where, params, [
        ['l.proposal_id', q.proposalId],
        ['l.state', q.state],
      ]);
      const { rows, total } = await pageRows<Row>(m, COLUMNS, {
        from: `${FROM} WHERE ${where.join(' AND ')}`,
        params,
        sort: q.sort,
        sortColumns: { createdAt: 'l.created_at' },
        limit: q.limit,
        offset: q.offset,
      });
      return { items: rows.map(toView), total };
    });
  }

  async get(ctx: RequestContext, id: string): Promise<InterestLetterView> {
    return inTenantTransaction(this.ds, ctx, async (m) => toView(await this.find(m, ctx, id)));
  }

  private assertIssuerOrContractor(ctx: RequestContext, l: Row): void {
    const issuer = ctx.role !== 'viewer' && ctx.orgId === l.issuer.orgId;
    if (!issuer && !isContractor(ctx, l.company.orgId)) throw forbidden('Only the issuer or the applying company handles this letter.');
    if (issuer && ROLE_ORG_TYPE[l.issuer_role as keyof typeof ROLE_ORG_TYPE] && ctx.orgType !== ROLE_ORG_TYPE[l.issuer_role as keyof typeof ROLE_ORG_TYPE]) {
      throw forbidden('The issuer organisation type does not match the letter role.');
    }
  }

  private async storeFile(m: EntityManager, ctx: RequestContext, l: Row, kind: 'ORIGINAL' | 'TRANSLATION', f: DecodedFile): Promise<void> {
    await m.query(
      `INSERT INTO partnership.interest_letter_file (letter_id, kind, filename, media_type, size_bytes, sha256, content, participant_org_ids, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (letter_id, kind) DO UPDATE SET filename = EXCLUDED.filename, media_type = EXCLUDED.media_type,
         size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, content = EXCLUDED.content, uploaded_by = EXCLUDED.uploaded_by, uploaded_at = now()`,
      [l.id, kind, f.filename, f.mediaType, f.content.length, f.sha256, f.content, l.participant_org_ids, ctx.userId],
    );
  }

  private async find(m: EntityManager, ctx: RequestContext, id: string, forUpdate = false): Promise<Row> {
    const params: unknown[] = [id];
    const [row] = await m.query(`SELECT ${COLUMNS} ${FROM} WHERE l.id = $1 AND ${tenantFilter(ctx, 'l', params)} ${forUpdate ? 'FOR UPDATE OF l' : ''}`, params);
    if (!row) throw notFound('Interest letter', id);
    return row;
  }

  private async publish(m: EntityManager, ctx: RequestContext, id: string, eventType: string): Promise<InterestLetterView> {
    const view = toView(await this.find(m, ctx, id));
    await appendToOutbox(m, 'partnership', eventType, view, ctx);
    return view;
  }

  private mutate(ctx: RequestContext, id: string, work: (m: EntityManager, l: Row) => Promise<string>): Promise<InterestLetterView> {
    return inTenantTransaction(this.ds, ctx, async (m) => this.publish(m, ctx, id, await work(m, await this.find(m, ctx, id, true))));
  }
}

function toView(r: Row): InterestLetterView {
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
