import { Location } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { of } from 'rxjs';

import { JcmLoadStatusComponent, formatDate, loadFor, loaded } from '@jcm/portal-ui';

import { countryName } from '../../../i18n/format';
import { TranslationService } from '../../../i18n/translation.service';
import { PartnershipsApiService } from '../../../services/partnerships-api.service';
import { partnershipTitle, partyName, targetFieldLabels } from '../shared/partnership-labels';
import { JcmPartnershipTimelineComponent } from './partnership-timeline.component';

/** 都市間連携の詳細. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmLoadStatusComponent, JcmPartnershipTimelineComponent, RouterLink],
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
  protected readonly state = loadFor(this.id, of(undefined), (id) => this.api.fetchPartnership(id));
  protected readonly view = computed(() => {
    const partnership = loaded(this.state());
    if (!partnership) return null;
    const language = this.i18n.language();
    return {
      createdAt: formatDate(partnership.createdAt, language, 'datetime'),
      fields: targetFieldLabels(partnership, this.i18n),
      municipality: partyName(partnership.municipality, language),
      municipalityCountry: countryName(partnership.municipality.country, language),
      partnerCity: partyName(partnership.partnerCity, language),
      partnerCityCountry: countryName(partnership.partnerCity.country, language),
      partnership,
      title: partnershipTitle(partnership, language),
    };
  });
}

function isCreatedState(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'created' in state && state.created === true;
}
