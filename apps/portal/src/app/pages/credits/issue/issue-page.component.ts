import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { forkJoin, startWith } from 'rxjs';

import { AccountView, CreateIssuanceCommand, IssuanceView, ProjectView } from '@jcm/contracts';
import { Problem, groupDigits, pageProblem, pick } from '@jcm/portal-ui';

import { wholeNumberText } from '../../../i18n/number-format';
import { TranslationService } from '../../../i18n/translation.service';
import { CreditsApiService } from '../../../services/credits-api.service';
import { creditsRunner } from '../shared/credits-problem';
import { FormMessage } from '../shared/quantity';
import { previewIssuance } from './issuance-preview';

type IssueField = 'projectId' | 'start' | 'end' | 'decisionRef' | 'vintage' | 'quantity' | 'participant';

/** 発行 (MOE as registry manager): project, monitoring period, Joint Committee decision, vintage, quantity. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink],
  selector: 'jcm-issue-page',
  styleUrl: './issue-page.component.scss',
  templateUrl: './issue-page.component.html',
})
export class JcmIssuePageComponent {
  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CreditsApiService);

  protected readonly runner = creditsRunner<IssuanceView>();
  protected readonly projects = signal<ProjectView[]>([]);
  protected readonly participants = signal<AccountView[]>([]);
  protected readonly optionsFailed = signal(false);
  protected readonly errors = signal<Partial<Record<IssueField, FormMessage>>>({});
  protected readonly form = new FormGroup({
    decisionRef: new FormControl('JC-TH-2024-01', { nonNullable: true }),
    end: new FormControl('2024-12-31', { nonNullable: true }),
    participant: new FormControl('', { nonNullable: true }),
    projectId: new FormControl('', { nonNullable: true }),
    quantity: new FormControl('', { nonNullable: true }),
    start: new FormControl('2024-01-01', { nonNullable: true }),
    vintage: new FormControl('2024', { nonNullable: true }),
  });
  private readonly value = toSignal(this.form.valueChanges.pipe(startWith(this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });
  protected readonly project = computed(
    () => this.projects().find((p) => p.id === this.value().projectId) ?? null,
  );
  protected readonly preview = computed(() =>
    previewIssuance(this.value().quantity ?? '', this.project()?.governmentShare ?? null),
  );

  public constructor() {
    forkJoin({
      accounts: this.api.fetchAccounts({ type: 'ENTITY_HOLDING' }),
      projects: this.api.fetchProjects(),
    })
      .pipe(takeUntilDestroyed())
      .subscribe({
        error: () => this.optionsFailed.set(true),
        next: ({ accounts, projects }) => {
          this.participants.set(accounts.items);
          this.projects.set(projects.items);
        },
      });
  }

  protected projectLabel(project: ProjectView): string {
    const title = pick(this.i18n.language(), project.titleJa ?? project.titleEn, project.titleEn);
    return `${project.reference} — ${title}`;
  }

  protected tonnes(value: string): string {
    return groupDigits(value);
  }

  protected message(message: FormMessage | Problem): string {
    return this.i18n.text(message.key, message.params);
  }

  protected fieldError(field: IssueField, issuePath: string): string[] {
    const own = this.errors()[field];
    return [...(own ? [this.message(own)] : []), ...this.runner.issuesFor(issuePath)];
  }

  protected submit(): void {
    if (this.runner.busy()) return;
    this.runner.reset();
    const command = this.command();
    if (!command) return;
    this.runner.run((key) => this.api.issue(command, key), {
      done: () => this.form.controls.quantity.reset(),
    });
  }

  /** Our checks first (specific messages), then the contract schema as a backstop. */
  private command(): CreateIssuanceCommand | null {
    const value = this.form.getRawValue();
    const errors: Partial<Record<IssueField, FormMessage>> = {};
    const required: FormMessage = { key: 'op.err.required' };
    if (value.projectId === '') errors.projectId = required;
    if (value.participant === '') errors.participant = required;
    if (value.start === '') errors.start = required;
    if (value.end === '') errors.end = required;
    else if (value.start !== '' && value.end < value.start) errors.end = { key: 'issue.err.period' };
    if (value.decisionRef.trim() === '') errors.decisionRef = required;
    const vintage = Number(wholeNumberText(value.vintage) ?? NaN);
    if (!(vintage >= 2013 && vintage <= 2100)) errors.vintage = { key: 'issue.err.vintage' };
    const quantity = wholeNumberText(value.quantity);
    if (quantity === null || quantity === '0') errors.quantity = { key: 'op.err.quantity' };
    this.errors.set(errors);
    if (Object.keys(errors).length > 0 || quantity === null) return null;
    const parsed = CreateIssuanceCommand.safeParse({
      jointCommitteeDecisionRef: value.decisionRef.trim(),
      monitoringPeriod: { end: value.end, start: value.start },
      participantAllocations: [{ accountId: value.participant }],
      projectId: value.projectId,
      quantity,
      registry: 'JP',
      vintage,
    });
    if (!parsed.success) {
      this.runner.fail({
        ...pageProblem('calc.errorSummary'),
        issues: parsed.error.issues.map((i) => ({ message: i.message, path: i.path.map(String).join('.') })),
      });
      return null;
    }
    return parsed.data;
  }
}
