import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { LoginRequest, LoginResponse, MeResponse } from '@jcm/contracts';

import { API } from '../core/api-paths';

@Injectable({ providedIn: 'root' })
export class AuthApiService {
  private readonly http = inject(HttpClient);

  public login(request: LoginRequest): Observable<LoginResponse> {
    return this.http.post<unknown>(API.login, request).pipe(map((body) => LoginResponse.parse(body)));
  }

  public fetchMe(): Observable<MeResponse> {
    return this.http.get<unknown>(API.me).pipe(map((body) => MeResponse.parse(body)));
  }
}
