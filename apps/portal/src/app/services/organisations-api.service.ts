import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import * as z from 'zod';

import { OrganisationType, OrganisationView } from '@jcm/contracts';

import { API } from '../core/api-paths';

/** GET /api/v1/organisations?type=… */
const OrganisationList = z.object({ items: z.array(OrganisationView) });

@Injectable({ providedIn: 'root' })
export class OrganisationsApiService {
  private readonly http = inject(HttpClient);

  public fetchOrganisations(type: OrganisationType): Observable<OrganisationView[]> {
    const params = new HttpParams().set('type', type);
    return this.http
      .get<unknown>(API.organisations, { params })
      .pipe(map((body) => OrganisationList.parse(body).items));
  }
}
