import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentProviders, Provider } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import { MembershipRole, MeResponse, OrganisationType } from '@jcm/contracts';
import { UiTranslator } from '@jcm/portal-ui';

import { SessionService } from '../app/core/session.service';
import { TranslationService } from '../app/i18n/translation.service';

/** What a page needs around it in a component test: HTTP answered by the test, a router, the portal's translator. */
export function portalTestProviders(): (Provider | EnvironmentProviders)[] {
  return [
    provideHttpClient(),
    provideHttpClientTesting(),
    provideRouter([]),
    { provide: UiTranslator, useExisting: TranslationService },
  ];
}

export const ORG = {
  company: '00000000-0000-4000-8000-00000000000c',
  moe: '00000000-0000-4000-8000-00000000000a',
  municipality: '00000000-0000-4000-8000-00000000000b',
  partner: '00000000-0000-4000-8000-00000000000d',
} as const;

/** Signs in as an organisation of `type` (its default language applies, as after a real login). */
export function signInAs(type: OrganisationType, orgId: string, role: MembershipRole = 'admin'): MeResponse {
  const me: MeResponse = {
    organisation: {
      city: null,
      country: 'JP',
      id: orgId,
      nameEn: `${type} org`,
      nameJa: `${type} 組織`,
      prefecture: null,
      type,
    },
    role,
    user: {
      displayName: 'Test User',
      email: 'user@test.example',
      id: '00000000-0000-4000-8000-0000000000ee',
    },
  };
  TestBed.inject(SessionService).setMe(me);
  return me;
}

export function http(): HttpTestingController {
  return TestBed.inject(HttpTestingController);
}

/** Lets signals, effects and change detection settle, then returns the page's root element. */
export async function settled<T>(fixture: ComponentFixture<T>): Promise<HTMLElement> {
  await fixture.whenStable();
  fixture.detectChanges();
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

export function byTestId(root: HTMLElement, id: string): HTMLElement | null {
  return root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
}

/** The gateway's error reply for a failed call. */
export function errorReply(
  status: number,
  code: string,
  message: string,
): [{ code: string; message: string }, { status: number; statusText: string }] {
  return [
    { code, message },
    { status, statusText: code },
  ];
}
