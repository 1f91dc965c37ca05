import { HttpClient, HttpHeaders, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import {
  AdoptApplicationCommand,
  ApplicationCheck,
  ApplicationPage,
  ApplicationReviewView,
  ApplicationSaved,
  ApplicationVersionList,
  ApplicationView,
  GrantCallPage,
  ReturnApplicationCommand,
  ScoreApplicationCommand,
  ScreenApplicationCommand,
} from '@jcm/contracts';

import { IDEMPOTENCY_HEADER } from '@jcm/portal-ui';

const BASE = '/api/v1/grants';
const id = (value: string) => encodeURIComponent(value);
const keyed = (key: string) => ({ headers: new HttpHeaders({ [IDEMPOTENCY_HEADER]: key }) });

export interface ApplicationFilter {
  callId?: string;
  state?: string;
  country?: string;
  technologyId?: string;
}

/** JCM設備補助 (公募・申請・審査) over the gateway; every reply parsed with its contract schema. */
@Injectable({ providedIn: 'root' })
export class GrantsApiService {
  private readonly http = inject(HttpClient);

  public fetchCalls(): Observable<GrantCallPage> {
    return this.http
      .get<unknown>(`${BASE}/calls`, { params: { limit: 50 } })
      .pipe(map((b) => GrantCallPage.parse(b)));
  }

  public fetchApplications(filter: ApplicationFilter): Observable<ApplicationPage> {
    let p = new HttpParams().set('limit', 200);
    for (const [k, v] of Object.entries(filter)) if (v) p = p.set(k, v);
    return this.http
      .get<unknown>(`${BASE}/applications`, { params: p })
      .pipe(map((b) => ApplicationPage.parse(b)));
  }

  public fetchApplication(appId: string): Observable<ApplicationView> {
    return this.http
      .get<unknown>(`${BASE}/applications/${id(appId)}`)
      .pipe(map((b) => ApplicationView.parse(b)));
  }

  public fetchFindings(appId: string): Observable<ApplicationCheck> {
    return this.http
      .get<unknown>(`${BASE}/applications/${id(appId)}/findings`)
      .pipe(map((b) => ApplicationCheck.parse(b)));
  }

  public fetchVersions(appId: string): Observable<ApplicationVersionList> {
    return this.http
      .get<unknown>(`${BASE}/applications/${id(appId)}/versions`)
      .pipe(map((b) => ApplicationVersionList.parse(b)));
  }

  public fetchReview(appId: string): Observable<ApplicationReviewView> {
    return this.http
      .get<unknown>(`${BASE}/applications/${id(appId)}/review`)
      .pipe(map((b) => ApplicationReviewView.parse(b)));
  }

  /** Autosave: a JSON merge patch on `baseVersion`. */
  public save(
    appId: string,
    baseVersion: number,
    patch: Record<string, unknown>,
  ): Observable<ApplicationSaved> {
    return this.http
      .patch<unknown>(`${BASE}/applications/${id(appId)}`, { baseVersion, patch })
      .pipe(map((b) => ApplicationSaved.parse(b)));
  }

  public submit(appId: string, key: string): Observable<ApplicationView> {
    return this.http
      .post<unknown>(`${BASE}/applications/${id(appId)}/submit`, {}, keyed(key))
      .pipe(map((b) => ApplicationView.parse(b)));
  }

  public delegate(appId: string, delegateOrgId: string, until: string): Observable<ApplicationView> {
    return this.http
      .post<unknown>(`${BASE}/applications/${id(appId)}/delegations`, { delegateOrgId, until })
      .pipe(map((b) => ApplicationView.parse(b)));
  }

  public screen(appId: string, items: ScreenApplicationCommand['items']): Observable<ApplicationReviewView> {
    return this.http
      .put<unknown>(`${BASE}/applications/${id(appId)}/screening`, { items })
      .pipe(map((b) => ApplicationReviewView.parse(b)));
  }

  public score(
    appId: string,
    points: ScoreApplicationCommand['points'],
    comment: string,
    key: string,
  ): Observable<ApplicationReviewView> {
    return this.http
      .put<unknown>(`${BASE}/applications/${id(appId)}/score`, { points, comment }, keyed(key))
      .pipe(map((b) => ApplicationReviewView.parse(b)));
  }

  public returnApplication(
    appId: string,
    comments: ReturnApplicationCommand['comments'],
  ): Observable<ApplicationView> {
    return this.http
      .post<unknown>(`${BASE}/applications/${id(appId)}/return`, { comments })
      .pipe(map((b) => ApplicationView.parse(b)));
  }

  public adopt(
    appId: string,
    body: Omit<AdoptApplicationCommand, 'id'>,
    key: string,
  ): Observable<ApplicationView> {
    return this.http
      .post<unknown>(`${BASE}/applications/${id(appId)}/adopt`, body, keyed(key))
      .pipe(map((b) => ApplicationView.parse(b)));
  }

  public reject(appId: string, reasonJa: string, reasonEn: string): Observable<ApplicationView> {
    return this.http
      .post<unknown>(`${BASE}/applications/${id(appId)}/reject`, { reasonJa, reasonEn })
      .pipe(map((b) => ApplicationView.parse(b)));
  }
}
