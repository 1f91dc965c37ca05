import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import {
  AccountHistoryPage,
  AccountPage,
  AccountType,
  AccountView,
  ConfirmPendingIssuanceCommand,
  ConfirmedIssuance,
  CreateCancellationCommand,
  CreateIssuanceCommand,
  CreateRetirementCommand,
  CreateTransferCommand,
  CreditBlockPage,
  IssuanceView,
  MovementView,
  PendingIssuancePage,
  PendingIssuanceStatus,
  PendingIssuanceView,
  ProjectPage,
  PublicSummary,
  TargetProgress,
} from '@jcm/contracts';

import { IDEMPOTENCY_HEADER } from '@jcm/portal-ui';

import { API } from '../core/api-paths';

const CREDITS = API.credits;

/** JCM クレジット登録簿 over the gateway; every reply is parsed with its contract schema. */
@Injectable({ providedIn: 'root' })
export class CreditsApiService {
  private readonly http = inject(HttpClient);

  /** 公開情報: aggregates only, no sign-in. */
  public fetchPublicSummary(): Observable<PublicSummary> {
    return this.http.get<unknown>(`${CREDITS}/public/summary`).pipe(map((body) => PublicSummary.parse(body)));
  }

  public fetchAccounts(
    query: { type?: AccountType; limit?: number; offset?: number } = {},
  ): Observable<AccountPage> {
    let params = new HttpParams().set('limit', query.limit ?? 200).set('offset', query.offset ?? 0);
    if (query.type) params = params.set('type', query.type);
    return this.http
      .get<unknown>(`${CREDITS}/accounts`, { params })
      .pipe(map((body) => AccountPage.parse(body)));
  }

  public fetchAccount(id: string): Observable<AccountView> {
    return this.http
      .get<unknown>(`${CREDITS}/accounts/${encodeURIComponent(id)}`)
      .pipe(map((body) => AccountView.parse(body)));
  }

  public fetchBlocks(accountId: string): Observable<CreditBlockPage> {
    const params = new HttpParams().set('accountId', accountId).set('limit', 200);
    return this.http
      .get<unknown>(`${CREDITS}/blocks`, { params })
      .pipe(map((body) => CreditBlockPage.parse(body)));
  }

  /** 取引履歴: the account's journal lines, newest first. */
  public fetchHistory(
    accountId: string,
    page: { limit: number; offset: number },
  ): Observable<AccountHistoryPage> {
    const params = new HttpParams().set('limit', page.limit).set('offset', page.offset);
    return this.http
      .get<unknown>(`${CREDITS}/accounts/${encodeURIComponent(accountId)}/history`, { params })
      .pipe(map((body) => AccountHistoryPage.parse(body)));
  }

  /** 発行待ち: issuances prepared from verified monitoring reports. */
  public fetchPendingIssuances(status: PendingIssuanceStatus = 'PENDING'): Observable<PendingIssuancePage> {
    const params = new HttpParams().set('status', status).set('limit', 200);
    return this.http
      .get<unknown>(`${CREDITS}/issuances/pending`, { params })
      .pipe(map((body) => PendingIssuancePage.parse(body)));
  }

  public confirmPendingIssuance(
    id: string,
    command: Omit<ConfirmPendingIssuanceCommand, 'id'>,
    idempotencyKey: string,
  ): Observable<ConfirmedIssuance> {
    return this.post(`issuances/pending/${encodeURIComponent(id)}/confirm`, command, idempotencyKey).pipe(
      map((body) => ConfirmedIssuance.parse(body)),
    );
  }

  public rejectPendingIssuance(
    id: string,
    reason: string,
    idempotencyKey: string,
  ): Observable<PendingIssuanceView> {
    return this.post(`issuances/pending/${encodeURIComponent(id)}/reject`, { reason }, idempotencyKey).pipe(
      map((body) => PendingIssuanceView.parse(body)),
    );
  }

  /** Progress towards the JCM targets (MOE and the secretariat). */
  public fetchProgress(): Observable<TargetProgress> {
    return this.http.get<unknown>(`${CREDITS}/progress`).pipe(map((body) => TargetProgress.parse(body)));
  }

  public fetchProjects(): Observable<ProjectPage> {
    const params = new HttpParams().set('limit', 200);
    return this.http
      .get<unknown>(`${CREDITS}/projects`, { params })
      .pipe(map((body) => ProjectPage.parse(body)));
  }

  public issue(command: CreateIssuanceCommand, idempotencyKey: string): Observable<IssuanceView> {
    return this.post('issuances', command, idempotencyKey).pipe(map((body) => IssuanceView.parse(body)));
  }

  public transfer(command: CreateTransferCommand, idempotencyKey: string): Observable<MovementView> {
    return this.post('transfers', command, idempotencyKey).pipe(map((body) => MovementView.parse(body)));
  }

  public retire(command: CreateRetirementCommand, idempotencyKey: string): Observable<MovementView> {
    return this.post('retirements', command, idempotencyKey).pipe(map((body) => MovementView.parse(body)));
  }

  public cancel(command: CreateCancellationCommand, idempotencyKey: string): Observable<MovementView> {
    return this.post('cancellations', command, idempotencyKey).pipe(map((body) => MovementView.parse(body)));
  }

  /** Every command carries the form's Idempotency-Key, so a retry or double click moves credits once. */
  private post(path: string, body: unknown, idempotencyKey: string): Observable<unknown> {
    const headers = new HttpHeaders({ [IDEMPOTENCY_HEADER]: idempotencyKey });
    return this.http.post<unknown>(`${CREDITS}/${path}`, body, { headers });
  }
}

/** Σ of whole-tonne strings, exactly (bigint), as a string. */
export function sumTonnes(values: readonly string[]): string {
  return values.reduce((total, value) => total + BigInt(value), 0n).toString();
}
