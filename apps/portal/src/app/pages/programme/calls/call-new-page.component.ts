import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';

import { CreateCallCommand } from '@jcm/contracts';
import { JcmProblemBoxComponent, Problem, problemOf } from '@jcm/portal-ui';

import { TranslationService } from '../../../i18n/translation.service';
import { ProgrammeApiService } from '../../../services/programme-api.service';
import { localDate } from '../shared/programme-labels';

type CallField =
  'titleJa' | 'titleEn' | 'fiscalYear' | 'round' | 'opensOn' | 'closesOn' | 'monthlyReportDueDay';

/** 公募の作成 (MOE, secretariat): saved as a draft, then published from its page. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmProblemBoxComponent, ReactiveFormsModule, RouterLink],
  selector: 'jcm-call-new-page',
  styleUrl: '../shared/programme.scss',
  templateUrl: './call-new-page.component.html',
})
export class JcmCallNewPageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(ProgrammeApiService);
  private readonly router = inject(Router);

  private readonly today = localDate();
  protected readonly form = new FormGroup({
    closesOn: new FormControl(localDate(30), { nonNullable: true }),
    fiscalYear: new FormControl(Number(this.today.slice(0, 4)), { nonNullable: true }),
    monthlyReportDueDay: new FormControl(10, { nonNullable: true }),
    opensOn: new FormControl(this.today, { nonNullable: true }),
    round: new FormControl(1, { nonNullable: true }),
    titleEn: new FormControl('', { nonNullable: true }),
    titleJa: new FormControl('', { nonNullable: true }),
  });
  protected readonly invalid = signal<Partial<Record<CallField, boolean>>>({});
  protected readonly problem = signal<Problem | null>(null);
  protected readonly submitting = signal(false);

  protected submit(): void {
    if (this.submitting()) return;
    const value = this.form.getRawValue();
    const parsed = CreateCallCommand.safeParse({
      ...value,
      fiscalYear: Number(value.fiscalYear),
      monthlyReportDueDay: Number(value.monthlyReportDueDay),
      presetId: 'C3P_FY2026_CALL1',
      round: Number(value.round),
    });
    if (!parsed.success) {
      this.invalid.set(Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), true])));
      this.problem.set({ detail: null, issues: [], key: 'prog.form.fix', refusals: [] });
      return;
    }
    this.invalid.set({});
    this.problem.set(null);
    this.submitting.set(true);
    this.api.createCall(parsed.data).subscribe({
      error: (error: unknown) => {
        this.submitting.set(false);
        this.problem.set(problemOf(error));
      },
      next: (call) => void this.router.navigate(['/programme/calls', call.id]),
    });
  }
}
