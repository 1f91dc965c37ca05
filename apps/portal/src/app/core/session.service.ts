import { Injectable, computed, inject, signal } from '@angular/core';

import { MeResponse } from '@jcm/contracts';

import { TranslationService } from '../i18n/translation.service';

const TOKEN_KEY = 'jcm.accessToken';

/**
 * The signed-in user: the access token (sessionStorage, so it ends with the browser tab) and `/me`.
 * Holds state only; the HTTP calls live in AuthApiService, which keeps the interceptor free of cycles.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly translation = inject(TranslationService);
  private readonly tokenState = signal<string | null>(readToken());
  private readonly meState = signal<MeResponse | null>(null);

  public readonly accessToken = this.tokenState.asReadonly();
  public readonly me = this.meState.asReadonly();

  /** The actor as the shared permission rules (`canCreatePartnership`, ...) expect it. */
  public readonly actor = computed(() => {
    const me = this.meState();
    return me ? { orgId: me.organisation.id, orgType: me.organisation.type, role: me.role } : null;
  });

  public start(accessToken: string): void {
    try {
      sessionStorage.setItem(TOKEN_KEY, accessToken);
    } catch {
      // Without storage the session lasts until reload, which is still usable.
    }
    this.tokenState.set(accessToken);
  }

  public setMe(me: MeResponse): void {
    this.meState.set(me);
    this.translation.setOrganisationDefault(me.organisation.type === 'PARTNER_CITY' ? 'en' : 'ja');
  }

  public end(): void {
    try {
      sessionStorage.removeItem(TOKEN_KEY);
    } catch {
      // Nothing stored.
    }
    this.tokenState.set(null);
    this.meState.set(null);
    this.translation.setOrganisationDefault('ja');
  }
}

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}
