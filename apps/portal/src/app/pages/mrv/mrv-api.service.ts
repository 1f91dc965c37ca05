import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import * as z from 'zod';

import {
  FindingPage,
  FindingView,
  JcmProjectPage,
  JcmProjectView,
  MethodologyVersionView,
  MonitoringReportPage,
  MonitoringReportTraceView,
  MonitoringReportView,
  RaiseFindingCommand,
  ReportTechnologyValues,
  RerunView,
  SerialTraceView,
  VerifyMonitoringReportCommand,
} from '@jcm/contracts';

import { IDEMPOTENCY_HEADER } from '@jcm/portal-ui';

const MRV = '/api/v1/mrv';
/** The gateway's composed trace (`/api/v1/trace/:serial`). */
export const CreditTrace = z.object({ credits: SerialTraceView, mrv: MonitoringReportTraceView.nullable() });
export type CreditTrace = z.infer<typeof CreditTrace>;

const once = (key: string) => ({ headers: new HttpHeaders({ [IDEMPOTENCY_HEADER]: key }) });

/** mrv-service over the gateway; every reply is parsed with its contract schema. */
@Injectable({ providedIn: 'root' })
export class MrvApiService {
  private readonly http = inject(HttpClient);

  public projects(): Observable<JcmProjectPage> {
    return this.http.get<unknown>(`${MRV}/projects?limit=200`).pipe(map((b) => JcmProjectPage.parse(b)));
  }

  public project(id: string): Observable<JcmProjectView> {
    return this.http.get<unknown>(`${MRV}/projects/${id}`).pipe(map((b) => JcmProjectView.parse(b)));
  }

  public reports(): Observable<MonitoringReportPage> {
    return this.http
      .get<unknown>(`${MRV}/monitoring-reports?limit=200`)
      .pipe(map((b) => MonitoringReportPage.parse(b)));
  }

  public report(id: string): Observable<MonitoringReportView> {
    return this.http
      .get<unknown>(`${MRV}/monitoring-reports/${id}`)
      .pipe(map((b) => MonitoringReportView.parse(b)));
  }

  public methodology(id: string, version: string): Observable<MethodologyVersionView> {
    return this.http
      .get<unknown>(`${MRV}/methodologies/${id}/versions/${version}`)
      .pipe(map((b) => MethodologyVersionView.parse(b)));
  }

  public update(
    id: string,
    version: number,
    technologies: ReportTechnologyValues[],
  ): Observable<MonitoringReportView> {
    return this.http
      .put<unknown>(`${MRV}/monitoring-reports/${id}`, { technologies, version })
      .pipe(map((b) => MonitoringReportView.parse(b)));
  }

  public submit(id: string, key: string): Observable<MonitoringReportView> {
    return this.http
      .post<unknown>(`${MRV}/monitoring-reports/${id}/submit`, {}, once(key))
      .pipe(map((b) => MonitoringReportView.parse(b)));
  }

  public assignVerifier(id: string, tpeOrgId: string): Observable<MonitoringReportView> {
    return this.http
      .post<unknown>(`${MRV}/monitoring-reports/${id}/verifier`, { tpeOrgId })
      .pipe(map((b) => MonitoringReportView.parse(b)));
  }

  public verify(cmd: VerifyMonitoringReportCommand, key: string): Observable<MonitoringReportView> {
    return this.http
      .post<unknown>(`${MRV}/monitoring-reports/${cmd.id}/verification`, cmd, once(key))
      .pipe(map((b) => MonitoringReportView.parse(b)));
  }

  public rerun(id: string): Observable<RerunView> {
    return this.http
      .post<unknown>(`${MRV}/monitoring-reports/${id}/rerun`, {})
      .pipe(map((b) => RerunView.parse(b)));
  }

  public findings(subjectId: string): Observable<FindingPage> {
    return this.http
      .get<unknown>(`${MRV}/findings?subjectId=${subjectId}&limit=200`)
      .pipe(map((b) => FindingPage.parse(b)));
  }

  public raise(cmd: RaiseFindingCommand): Observable<FindingView> {
    return this.http.post<unknown>(`${MRV}/findings`, cmd).pipe(map((b) => FindingView.parse(b)));
  }

  public respond(id: string, text: string): Observable<FindingView> {
    return this.http
      .post<unknown>(`${MRV}/findings/${id}/responses`, { text })
      .pipe(map((b) => FindingView.parse(b)));
  }

  public resolve(id: string, text: string): Observable<FindingView> {
    return this.http
      .post<unknown>(`${MRV}/findings/${id}/resolution`, { text })
      .pipe(map((b) => FindingView.parse(b)));
  }

  public trace(serial: string): Observable<CreditTrace> {
    return this.http
      .get<unknown>(`/api/v1/trace/${encodeURIComponent(serial)}`)
      .pipe(map((b) => CreditTrace.parse(b)));
  }
}
