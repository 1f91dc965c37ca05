import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import {
  AnnualContractView,
  DeliverablePage,
  DeliverableView,
  JcmLeadPage,
  JcmLeadStatus,
  JcmLeadView,
  MeetingMaterial,
  RecordJcmLeadCommand,
  ReportMeetingKind,
  ReportMeetingPage,
  ReportMeetingView,
  SettlementLine,
  SettlementReportPage,
  SettlementReportView,
} from '@jcm/contracts';

import { IDEMPOTENCY_HEADER } from '@jcm/portal-ui';

import { API } from '../core/api-paths';

const id = (value: string) => encodeURIComponent(value);

function params(values: Record<string, string | number | undefined>): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(values))
    if (value !== undefined && value !== '') result = result.set(key, value);
  return result;
}

export type MeetingAction = 'confirm-minutes' | 'request-deliverables';
export type SettlementInput = { periodFrom: string; periodTo: string; lines: SettlementLine[] };
export type DeliverableSubmission = { fileRef?: string; url?: string; note?: string };

/**
 * 年度末の手続き over the gateway: 報告会, 精算報告, 成果物, 減額・中止 and JCM案件（出口戦略）. Every reply is parsed
 * with its contract schema from @jcm/contracts.
 */
@Injectable({ providedIn: 'root' })
export class ProgrammeYearEndApiService {
  private readonly http = inject(HttpClient);

  // 報告会
  public fetchMeetings(contractId: string): Observable<ReportMeetingPage> {
    return this.http
      .get<unknown>(`${API.contracts}/${id(contractId)}/report-meetings`, {
        params: params({ limit: 10, sort: 'scheduledOn' }),
      })
      .pipe(map((body) => ReportMeetingPage.parse(body)));
  }

  public scheduleMeeting(
    contractId: string,
    kind: ReportMeetingKind,
    scheduledOn: string,
    onlineUrl?: string,
  ): Observable<ReportMeetingView> {
    return this.http
      .post<unknown>(`${API.contracts}/${id(contractId)}/report-meetings`, {
        kind,
        scheduledOn,
        ...(onlineUrl ? { onlineUrl } : {}),
      })
      .pipe(map((body) => ReportMeetingView.parse(body)));
  }

  public submitMaterials(meetingId: string, materials: MeetingMaterial[]): Observable<ReportMeetingView> {
    return this.meetingPost(meetingId, 'materials', { materials });
  }

  public holdMeeting(meetingId: string, heldOn: string): Observable<ReportMeetingView> {
    return this.meetingPost(meetingId, 'hold', { heldOn });
  }

  public recordMinutes(meetingId: string, minutesText: string): Observable<ReportMeetingView> {
    return this.meetingPost(meetingId, 'minutes', { minutesText });
  }

  public meetingAction(meetingId: string, action: MeetingAction): Observable<ReportMeetingView> {
    return this.meetingPost(meetingId, action, {});
  }

  private meetingPost(meetingId: string, path: string, body: object): Observable<ReportMeetingView> {
    return this.http
      .post<unknown>(`${API.reportMeetings}/${id(meetingId)}/${path}`, body)
      .pipe(map((reply) => ReportMeetingView.parse(reply)));
  }

  // 精算報告
  public fetchSettlements(contractId: string): Observable<SettlementReportPage> {
    return this.http
      .get<unknown>(`${API.contracts}/${id(contractId)}/settlement-reports`, {
        params: params({ limit: 50, sort: 'sequence' }),
      })
      .pipe(map((body) => SettlementReportPage.parse(body)));
  }

  public createSettlement(contractId: string, input: SettlementInput): Observable<SettlementReportView> {
    return this.http
      .post<unknown>(`${API.contracts}/${id(contractId)}/settlement-reports`, input)
      .pipe(map((body) => SettlementReportView.parse(body)));
  }

  public updateSettlement(reportId: string, input: SettlementInput): Observable<SettlementReportView> {
    return this.http
      .patch<unknown>(`${API.settlementReports}/${id(reportId)}`, input)
      .pipe(map((body) => SettlementReportView.parse(body)));
  }

  public settlementAction(reportId: string, action: 'submit' | 'accept'): Observable<SettlementReportView> {
    return this.http
      .post<unknown>(`${API.settlementReports}/${id(reportId)}/${action}`, {})
      .pipe(map((body) => SettlementReportView.parse(body)));
  }

  public returnSettlement(reportId: string, comment: string): Observable<SettlementReportView> {
    return this.http
      .post<unknown>(`${API.settlementReports}/${id(reportId)}/return`, { comment })
      .pipe(map((body) => SettlementReportView.parse(body)));
  }

  // 成果物
  public fetchDeliverables(contractId: string): Observable<DeliverablePage> {
    return this.http
      .get<unknown>(`${API.contracts}/${id(contractId)}/deliverables`, {
        params: params({ limit: 50, sort: 'kind' }),
      })
      .pipe(map((body) => DeliverablePage.parse(body)));
  }

  public submitDeliverable(
    deliverableId: string,
    submission: DeliverableSubmission,
  ): Observable<DeliverableView> {
    return this.http
      .post<unknown>(`${API.deliverables}/${id(deliverableId)}/submit`, submission)
      .pipe(map((body) => DeliverableView.parse(body)));
  }

  public acceptDeliverable(deliverableId: string): Observable<DeliverableView> {
    return this.http
      .post<unknown>(`${API.deliverables}/${id(deliverableId)}/accept`, {})
      .pipe(map((body) => DeliverableView.parse(body)));
  }

  public returnDeliverable(deliverableId: string, comment: string): Observable<DeliverableView> {
    return this.http
      .post<unknown>(`${API.deliverables}/${id(deliverableId)}/return`, { comment })
      .pipe(map((body) => DeliverableView.parse(body)));
  }

  // 減額・中止
  /** 減額: the key makes a retry or a double click reduce once. */
  public reduceContract(
    contractId: string,
    change: { newAmountYen: number; effectiveDate: string; note: string },
    idempotencyKey: string,
  ): Observable<AnnualContractView> {
    return this.http
      .post<unknown>(`${API.contracts}/${id(contractId)}/reduce`, change, {
        headers: new HttpHeaders({ [IDEMPOTENCY_HEADER]: idempotencyKey }),
      })
      .pipe(map((body) => AnnualContractView.parse(body)));
  }

  public suspendContract(contractId: string, note?: string): Observable<AnnualContractView> {
    return this.http
      .post<unknown>(`${API.contracts}/${id(contractId)}/suspend`, note ? { note } : {})
      .pipe(map((body) => AnnualContractView.parse(body)));
  }

  // JCM案件（出口戦略）
  public fetchLeads(query: {
    status?: JcmLeadStatus;
    limit: number;
    offset: number;
    sort: string;
  }): Observable<JcmLeadPage> {
    return this.http
      .get<unknown>(API.jcmLeads, { params: params(query) })
      .pipe(map((body) => JcmLeadPage.parse(body)));
  }

  public recordLead(
    partnershipId: string,
    lead: Omit<RecordJcmLeadCommand, 'partnershipId'>,
  ): Observable<JcmLeadView> {
    return this.http
      .post<unknown>(`${API.partnerships}/${id(partnershipId)}/jcm-leads`, lead)
      .pipe(map((body) => JcmLeadView.parse(body)));
  }

  public advanceLead(leadId: string, status: JcmLeadStatus, note?: string): Observable<JcmLeadView> {
    return this.http
      .post<unknown>(`${API.jcmLeads}/${id(leadId)}/advance`, { status, ...(note ? { note } : {}) })
      .pipe(map((body) => JcmLeadView.parse(body)));
  }
}
