import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import {
  CreatePartnershipRequest,
  ListPartnershipsQuery,
  PartnershipPage,
  PartnershipTimeline,
  PartnershipView,
  UpdatePartnershipAgreementRequest,
} from '@jcm/contracts';

import { API } from '../core/api-paths';

export type PartnershipSort = ListPartnershipsQuery['sort'];

export interface PartnershipListQuery {
  limit: number;
  offset: number;
  q: string;
  sort: PartnershipSort;
}

/** 都市間連携 over the gateway; every response is parsed with its contract schema. */
@Injectable({ providedIn: 'root' })
export class PartnershipsApiService {
  private readonly http = inject(HttpClient);

  public fetchPartnerships({ limit, offset, q, sort }: PartnershipListQuery): Observable<PartnershipPage> {
    let params = new HttpParams().set('limit', limit).set('offset', offset).set('sort', sort);
    if (q !== '') params = params.set('q', q);
    return this.http
      .get<unknown>(API.partnerships, { params })
      .pipe(map((body) => PartnershipPage.parse(body)));
  }

  public fetchPartnership(id: string): Observable<PartnershipView> {
    return this.http
      .get<unknown>(`${API.partnerships}/${encodeURIComponent(id)}`)
      .pipe(map((body) => PartnershipView.parse(body)));
  }

  /** Answers the created partnership when the gateway returns it, otherwise null. */
  public createPartnership(request: CreatePartnershipRequest): Observable<PartnershipView | null> {
    return this.http.post<unknown>(API.partnerships, request).pipe(
      map((body) => {
        const parsed = PartnershipView.safeParse(body);
        return parsed.success ? parsed.data : null;
      }),
    );
  }

  /** The pair's agreement, years and 7-year-rule standing (7年ルール). */
  public fetchTimeline(id: string): Observable<PartnershipTimeline> {
    return this.http
      .get<unknown>(`${API.partnerships}/${encodeURIComponent(id)}/timeline`)
      .pipe(map((body) => PartnershipTimeline.parse(body)));
  }

  public updateAgreement(
    id: string,
    request: UpdatePartnershipAgreementRequest,
  ): Observable<PartnershipTimeline> {
    return this.http
      .patch<unknown>(`${API.partnerships}/${encodeURIComponent(id)}/agreement`, request)
      .pipe(map((body) => PartnershipTimeline.parse(body)));
  }
}
