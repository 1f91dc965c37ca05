import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import {
  AnnualContractPage,
  AnnualContractView,
  CallAction,
  CallPage,
  CallState,
  CallView,
  ContractAction,
  CreateCallCommand,
  CreateProposalRequest,
  InterestLetterPage,
  InterestLetterView,
  LetterFileUpload,
  LetterIssuerRole,
  MonthlyReportPage,
  MonthlyReportState,
  MonthlyReportView,
  ProposalPage,
  ProposalState,
  ProposalView,
  ScoreProposalCommand,
  UpdateMonthlyReportCommand,
  UploadLetterOriginalCommand,
} from '@jcm/contracts';

import { IDEMPOTENCY_HEADER } from '@jcm/portal-ui';

import { API } from '../core/api-paths';

type Params = Record<string, string | number | boolean | undefined>;

function params(values: Params): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') result = result.set(key, value);
  return result;
}

const id = (value: string) => encodeURIComponent(value);

/**
 * 都市間連携事業の年度 (公募・企画書・単年度契約・月次報告・関心表明レター) over the gateway; every reply is parsed
 * with its contract schema. Lists are filtered, sorted and paged on the server.
 */
@Injectable({ providedIn: 'root' })
export class ProgrammeApiService {
  private readonly http = inject(HttpClient);

  // 公募
  public fetchCalls(
    query: { state?: CallState; limit?: number; offset?: number; sort?: string } = {},
  ): Observable<CallPage> {
    const p = params({
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
      sort: query.sort,
      state: query.state,
    });
    return this.http.get<unknown>(API.calls, { params: p }).pipe(map((body) => CallPage.parse(body)));
  }

  public fetchCall(callId: string): Observable<CallView> {
    return this.http.get<unknown>(`${API.calls}/${id(callId)}`).pipe(map((body) => CallView.parse(body)));
  }

  public createCall(command: CreateCallCommand): Observable<CallView> {
    return this.http.post<unknown>(API.calls, command).pipe(map((body) => CallView.parse(body)));
  }

  public transitionCall(callId: string, action: CallAction): Observable<CallView> {
    return this.http
      .post<unknown>(`${API.calls}/${id(callId)}/${action}`, {})
      .pipe(map((body) => CallView.parse(body)));
  }

  // 企画書
  public fetchProposals(
    query: { callId?: string; state?: ProposalState; limit?: number; offset?: number; sort?: string } = {},
  ): Observable<ProposalPage> {
    const p = params({
      callId: query.callId,
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
      sort: query.sort,
      state: query.state,
    });
    return this.http.get<unknown>(API.proposals, { params: p }).pipe(map((body) => ProposalPage.parse(body)));
  }

  public fetchProposal(proposalId: string): Observable<ProposalView> {
    return this.http
      .get<unknown>(`${API.proposals}/${id(proposalId)}`)
      .pipe(map((body) => ProposalView.parse(body)));
  }

  public createProposal(request: CreateProposalRequest, idempotencyKey: string): Observable<ProposalView> {
    return this.http
      .post<unknown>(API.proposals, request, { headers: idempotent(idempotencyKey) })
      .pipe(map((body) => ProposalView.parse(body)));
  }

  public proposalAction(proposalId: string, action: 'submit' | 'withdraw'): Observable<ProposalView> {
    return this.http
      .post<unknown>(`${API.proposals}/${id(proposalId)}/${action}`, {})
      .pipe(map((body) => ProposalView.parse(body)));
  }

  public scoreProposal(
    proposalId: string,
    command: Omit<ScoreProposalCommand, 'id'>,
  ): Observable<ProposalView> {
    return this.http
      .post<unknown>(`${API.proposals}/${id(proposalId)}/score`, command)
      .pipe(map((body) => ProposalView.parse(body)));
  }

  /** 採択: answers the year's contract; the key makes a double click select once. */
  public selectProposal(proposalId: string, idempotencyKey: string): Observable<AnnualContractView> {
    return this.http
      .post<unknown>(`${API.proposals}/${id(proposalId)}/select`, {}, { headers: idempotent(idempotencyKey) })
      .pipe(map((body) => AnnualContractView.parse(body)));
  }

  public rejectProposal(proposalId: string, reason: string): Observable<ProposalView> {
    return this.http
      .post<unknown>(`${API.proposals}/${id(proposalId)}/reject`, { reason })
      .pipe(map((body) => ProposalView.parse(body)));
  }

  // 単年度契約
  public fetchContracts(
    query: { limit?: number; offset?: number; sort?: string } = {},
  ): Observable<AnnualContractPage> {
    const p = params({ limit: query.limit ?? 50, offset: query.offset ?? 0, sort: query.sort });
    return this.http
      .get<unknown>(API.contracts, { params: p })
      .pipe(map((body) => AnnualContractPage.parse(body)));
  }

  public fetchContract(contractId: string): Observable<AnnualContractView> {
    return this.http
      .get<unknown>(`${API.contracts}/${id(contractId)}`)
      .pipe(map((body) => AnnualContractView.parse(body)));
  }

  public contractAction(contractId: string, action: ContractAction): Observable<AnnualContractView> {
    return this.http
      .post<unknown>(`${API.contracts}/${id(contractId)}/${action}`, {})
      .pipe(map((body) => AnnualContractView.parse(body)));
  }

  // 月次報告
  public fetchContractReports(contractId: string): Observable<MonthlyReportPage> {
    return this.http
      .get<unknown>(`${API.contracts}/${id(contractId)}/monthly-reports`, {
        params: params({ limit: 24, sort: 'month' }),
      })
      .pipe(map((body) => MonthlyReportPage.parse(body)));
  }

  public fetchMonthlyReports(
    query: { state?: MonthlyReportState; overdue?: boolean; limit?: number; sort?: string } = {},
  ): Observable<MonthlyReportPage> {
    const p = params({
      limit: query.limit ?? 200,
      overdue: query.overdue,
      sort: query.sort ?? 'dueDate',
      state: query.state,
    });
    return this.http
      .get<unknown>(API.monthlyReports, { params: p })
      .pipe(map((body) => MonthlyReportPage.parse(body)));
  }

  public fetchMonthlyReport(reportId: string): Observable<MonthlyReportView> {
    return this.http
      .get<unknown>(`${API.monthlyReports}/${id(reportId)}`)
      .pipe(map((body) => MonthlyReportView.parse(body)));
  }

  public updateMonthlyReport(
    reportId: string,
    changes: Omit<UpdateMonthlyReportCommand, 'id'>,
  ): Observable<MonthlyReportView> {
    return this.http
      .patch<unknown>(`${API.monthlyReports}/${id(reportId)}`, changes)
      .pipe(map((body) => MonthlyReportView.parse(body)));
  }

  public monthlyReportAction(
    reportId: string,
    action: 'submit' | 'acknowledge',
  ): Observable<MonthlyReportView> {
    return this.http
      .post<unknown>(`${API.monthlyReports}/${id(reportId)}/${action}`, {})
      .pipe(map((body) => MonthlyReportView.parse(body)));
  }

  public returnMonthlyReport(reportId: string, comment: string): Observable<MonthlyReportView> {
    return this.http
      .post<unknown>(`${API.monthlyReports}/${id(reportId)}/return`, { comment })
      .pipe(map((body) => MonthlyReportView.parse(body)));
  }

  // 関心表明レター
  public fetchLetters(query: { proposalId?: string; limit?: number } = {}): Observable<InterestLetterPage> {
    const p = params({ limit: query.limit ?? 100, proposalId: query.proposalId, sort: 'createdAt' });
    return this.http
      .get<unknown>(API.interestLetters, { params: p })
      .pipe(map((body) => InterestLetterPage.parse(body)));
  }

  public fetchLetter(letterId: string): Observable<InterestLetterView> {
    return this.http
      .get<unknown>(`${API.interestLetters}/${id(letterId)}`)
      .pipe(map((body) => InterestLetterView.parse(body)));
  }

  public requestLetter(
    proposalId: string,
    issuerOrgId: string,
    issuerRole: LetterIssuerRole,
  ): Observable<InterestLetterView> {
    return this.http
      .post<unknown>(API.interestLetters, { issuerOrgId, issuerRole, proposalId })
      .pipe(map((body) => InterestLetterView.parse(body)));
  }

  public uploadLetterOriginal(
    letterId: string,
    command: Omit<UploadLetterOriginalCommand, 'id'>,
  ): Observable<InterestLetterView> {
    return this.http
      .post<unknown>(`${API.interestLetters}/${id(letterId)}/original`, command)
      .pipe(map((body) => InterestLetterView.parse(body)));
  }

  public attachLetterTranslation(letterId: string, file: LetterFileUpload): Observable<InterestLetterView> {
    return this.http
      .post<unknown>(`${API.interestLetters}/${id(letterId)}/translation`, { file })
      .pipe(map((body) => InterestLetterView.parse(body)));
  }

  public attachLetterToProposal(letterId: string): Observable<InterestLetterView> {
    return this.http
      .post<unknown>(`${API.interestLetters}/${id(letterId)}/attach`, {})
      .pipe(map((body) => InterestLetterView.parse(body)));
  }
}

function idempotent(key: string): HttpHeaders {
  return new HttpHeaders({ [IDEMPOTENCY_HEADER]: key });
}
