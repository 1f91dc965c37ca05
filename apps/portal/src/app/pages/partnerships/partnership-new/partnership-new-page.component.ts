import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, FormRecord, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { forkJoin, map, of } from 'rxjs';

import { CreatePartnershipRequest, OrganisationView, TargetField } from '@jcm/contracts';
import { ActionRunner, pick } from '@jcm/portal-ui';

import { SessionService } from '../../../core/session.service';
import { countryName } from '../../../i18n/format';
import { Language } from '../../../i18n/language';
import { TranslationService } from '../../../i18n/translation.service';
import { OrganisationsApiService } from '../../../services/organisations-api.service';
import { PartnershipsApiService } from '../../../services/partnerships-api.service';
import {
  FormMessage,
  PARTNERSHIP_FORM_FIELDS,
  PartnershipFormErrors,
  PartnershipFormField,
  splitIssues,
  validatePartnershipForm,
} from './partnership-form-errors';

/** Element ids, so the error summary can move focus to the field it names. */
const FIELD_IDS: Record<PartnershipFormField, string> = {
  municipalityOrgId: 'partnership-municipality',
  partnerCityOrgId: 'partnership-partner-city',
  targetFieldOther: 'partnership-target-field-other-text',
  targetFields: `partnership-target-field-${TargetField.options[0]}`,
  titleEn: 'partnership-title-en',
  titleJa: 'partnership-title-ja',
};

/** 都市間連携の登録: a Japanese municipality paired with a partner city abroad. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink],
  selector: 'jcm-partnership-new-page',
  styleUrl: './partnership-new-page.component.scss',
  templateUrl: './partnership-new-page.component.html',
})
export class JcmPartnershipNewPageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly organisationsApi = inject(OrganisationsApiService);
  private readonly partnershipsApi = inject(PartnershipsApiService);
  private readonly router = inject(Router);
  private readonly session = inject(SessionService);
  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');

  protected readonly fieldIds = FIELD_IDS;
  protected readonly targetFields = TargetField.options;
  /** A municipality registers partnerships for itself only, so its own side is fixed. */
  protected readonly ownMunicipality = computed(() => {
    const organisation = this.session.me()?.organisation;
    return organisation?.type === 'MUNICIPALITY' ? organisation : null;
  });
  protected readonly form = new FormGroup({
    municipalityOrgId: new FormControl('', { nonNullable: true }),
    partnerCityOrgId: new FormControl('', { nonNullable: true }),
    targetFieldOther: new FormControl('', { nonNullable: true }),
    targetFields: new FormRecord(
      Object.fromEntries(
        TargetField.options.map((field) => [field, new FormControl(false, { nonNullable: true })]),
      ),
    ),
    titleEn: new FormControl('', { nonNullable: true }),
    titleJa: new FormControl('', { nonNullable: true }),
  });
  protected readonly otherSelected = toSignal(
    this.form.controls.targetFields.valueChanges.pipe(map((selected) => selected['other'] === true)),
    { initialValue: false },
  );

  private readonly municipalities = signal<OrganisationView[]>([]);
  private readonly partnerCities = signal<OrganisationView[]>([]);
  protected readonly municipalityOptions = computed(() => this.options(this.municipalities(), false));
  protected readonly partnerCityOptions = computed(() => this.options(this.partnerCities(), true));
  protected readonly optionsFailed = signal(false);
  protected readonly errors = signal<PartnershipFormErrors>({});
  protected readonly generalErrors = signal<FormMessage[]>([]);
  protected readonly summaryItems = computed(() =>
    PARTNERSHIP_FORM_FIELDS.flatMap((field) =>
      (this.errors()[field] ?? []).map((message) => ({ field, message })),
    ),
  );
  private readonly action = new ActionRunner();
  protected readonly submitting = this.action.busy;

  public constructor() {
    const own = this.ownMunicipality();
    if (own) this.form.controls.municipalityOrgId.setValue(own.id);
    forkJoin({
      municipalities: own ? of([own]) : this.organisationsApi.fetchOrganisations('MUNICIPALITY'),
      partnerCities: this.organisationsApi.fetchOrganisations('PARTNER_CITY'),
    })
      .pipe(takeUntilDestroyed())
      .subscribe({
        error: () => this.optionsFailed.set(true),
        next: ({ municipalities, partnerCities }) => {
          this.municipalities.set(municipalities);
          this.partnerCities.set(partnerCities);
        },
      });
  }

  protected fieldErrors(field: PartnershipFormField): FormMessage[] {
    return this.errors()[field] ?? [];
  }

  protected describedBy(field: PartnershipFormField, hintId?: string): string | null {
    const ids = [hintId, this.fieldErrors(field).length > 0 ? `${FIELD_IDS[field]}-error` : undefined];
    return ids.filter(Boolean).join(' ') || null;
  }

  protected text(message: FormMessage): string {
    return 'key' in message ? this.i18n.t(message.key, message.params) : message.text;
  }

  protected fieldLabel(field: TargetField): string {
    return this.i18n.t(`targetField.${field}`);
  }

  protected organisationName(organisation: OrganisationView): string {
    return pick(this.i18n.language(), organisation.nameJa, organisation.nameEn);
  }

  protected focusField(event: Event, field: PartnershipFormField): void {
    event.preventDefault();
    this.document.getElementById(FIELD_IDS[field])?.focus();
  }

  protected submit(): void {
    if (this.submitting()) return;
    const request = this.request();
    const errors = validatePartnershipForm(request);
    this.showErrors(errors, []);
    if (Object.keys(errors).length > 0) return;

    this.action.run(this.partnershipsApi.createPartnership(request), {
      done: (created) => {
        const target = created ? ['/partnerships', created.id] : ['/partnerships'];
        void this.router.navigate(target, { state: { created: true } });
      },
      // Shown next to the fields and in the summary, not in a problem box.
      failed: (problem) => {
        if (problem.status === 400) {
          const { byField, general } = splitIssues(problem.issues);
          this.showErrors(byField, general.length > 0 || Object.keys(byField).length === 0 ? general : []);
        } else {
          this.showErrors({}, [
            { key: problem.status === 403 ? 'partnershipNew.forbidden' : 'partnershipNew.failed' },
          ]);
        }
      },
    });
  }

  private request(): CreatePartnershipRequest {
    const value = this.form.getRawValue();
    const targetFields = TargetField.options.filter((field) => value.targetFields[field]);
    return {
      municipalityOrgId: value.municipalityOrgId,
      partnerCityOrgId: value.partnerCityOrgId,
      targetFields,
      titleEn: value.titleEn.trim(),
      titleJa: value.titleJa.trim(),
      ...(targetFields.includes('other') ? { targetFieldOther: value.targetFieldOther.trim() } : {}),
    };
  }

  private showErrors(byField: PartnershipFormErrors, general: FormMessage[]): void {
    this.errors.set(byField);
    this.generalErrors.set(general);
    if (Object.keys(byField).length === 0 && general.length === 0) return;
    // Move focus to the summary once it is rendered, so screen readers announce what to fix.
    afterNextRender(() => this.summary()?.nativeElement.focus(), { injector: this.injector });
  }

  /** Partner cities carry their country, since city names alone can be ambiguous across countries. */
  private options(organisations: OrganisationView[], showCountry: boolean): { id: string; label: string }[] {
    const language = this.i18n.language();
    return organisations
      .map((organisation) => {
        const name = this.organisationName(organisation);
        const label = showCountry
          ? withCountry(name, countryName(organisation.country, language), language)
          : name;
        return { id: organisation.id, label };
      })
      .sort((a, b) => a.label.localeCompare(b.label, language));
  }
}

function withCountry(name: string, country: string, language: Language): string {
  return language === 'ja' ? `${name}（${country}）` : `${name} (${country})`;
}
