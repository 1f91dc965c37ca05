import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { Observable, catchError, map, of, startWith, switchMap } from 'rxjs';

import { PartnershipView } from '@jcm/contracts';

import { countryName, formatDateTime } from '../../../i18n/format';
import { TranslationService } from '../../../i18n/translation.service';
import { httpStatus } from '../../../services/api-error';
import { PartnershipsApiService } from '../../../services/partnerships-api.service';
import { partnershipTitle, partyName, targetFieldLabels } from '../shared/partnership-labels';
import { JcmPartnershipTimelineComponent } from './partnership-timeline.component';

type DetailState =
  | { status: 'loading' }
  | { status: 'loaded'; partnership: PartnershipView }
  | { status: 'not-found' }
  | { status: 'failed' };

/** 都市間連携の詳細. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmPartnershipTimelineComponent, RouterLink],
  selector: 'jcm-partnership-detail-page',
  styleUrl: './partnership-detail-page.component.scss',
  templateUrl: './partnership-detail-page.component.html',
})
export class JcmPartnershipDetailPageComponent {
  /** Route parameter `:id` (router input binding). */
  public readonly id = input.required<string>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(PartnershipsApiService);

  /** Set by the registration form when it navigates here. */
  protected readonly justCreated = isCreatedState(inject(Location).getState());
  protected readonly state = toSignal(toObservable(this.id).pipe(switchMap((id) => this.load(id))), {
    initialValue: { status: 'loading' } satisfies DetailState as DetailState,
  });
  protected readonly view = computed(() => {
    const state = this.state();
    if (state.status !== 'loaded') return null;
    const { partnership } = state;
    const language = this.i18n.language();
    return {
      createdAt: formatDateTime(partnership.createdAt, language),
      fields: targetFieldLabels(partnership, this.i18n),
      municipality: partyName(partnership.municipality, language),
      municipalityCountry: countryName(partnership.municipality.country, language),
      partnerCity: partyName(partnership.partnerCity, language),
      partnerCityCountry: countryName(partnership.partnerCity.country, language),
      partnership,
      title: partnershipTitle(partnership, language),
    };
  });

  private load(id: string): Observable<DetailState> {
    return this.api.fetchPartnership(id).pipe(
      map((partnership): DetailState => ({ partnership, status: 'loaded' })),
      // A malformed id (400) is, for the reader, just as missing as an unknown one (404).
      catchError((error: unknown) =>
        of<DetailState>([400, 404].includes(httpStatus(error)) ? { status: 'not-found' } : { status: 'failed' }),
      ),
      startWith<DetailState>({ status: 'loading' }),
    );
  }
}

function isCreatedState(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'created' in state && state.created === true;
}
