import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  signal,
  viewChild,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { fieldIssuesOf, httpStatus, pick } from '@jcm/portal-ui';

import { JcmFindingsListComponent } from '../../../components/findings-list/findings-list.component';
import { TranslationService } from '../../../i18n/translation.service';
import { CalculatorAnswer, CalculatorsApiService } from '../../../services/calculators-api.service';
import {
  FieldProblem,
  ShownSection,
  assignIssues,
  buildBody,
  emptyOf,
  emptyValues,
  initialCounts,
  readPath,
  shownSections,
} from '../calculator-body';
import { Bilingual, CalculatorField, FieldValue, ResultFigure, ResultTable } from '../calculator-definition';
import { calculatorDefinition } from '../calculator-registry';
import { formatFigure } from '../figure-format';

/** One public calculator (試算): the form its definition describes, the figures, the findings with sources. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [JcmFindingsListComponent, RouterLink],
  selector: 'jcm-calculator-page',
  styleUrl: './calculator-page.component.scss',
  templateUrl: './calculator-page.component.html',
})
export class JcmCalculatorPageComponent {
  /** Route parameter (router input binding); the route only matches known names. */
  public readonly name = input.required<string>();

  protected readonly i18n = inject(TranslationService);
  private readonly api = inject(CalculatorsApiService);
  private readonly injector = inject(Injector);
  private readonly resultsHeading = viewChild<ElementRef<HTMLElement>>('resultsHeading');
  private readonly summary = viewChild<ElementRef<HTMLElement>>('summary');

  protected readonly definition = computed(() => {
    const definition = calculatorDefinition(this.name());
    if (!definition) throw new Error(`No calculator form for ${this.name()}`);
    return definition;
  });
  /** Items per section (several technologies, …). */
  protected readonly counts = linkedSignal(() => initialCounts(this.definition()));
  protected readonly sections = computed(() => shownSections(this.definition(), this.counts()));
  protected readonly values = linkedSignal(() => emptyValues(this.definition()));
  protected readonly problems = linkedSignal<Record<string, FieldProblem[]>>(() => (this.definition(), {}));
  protected readonly general = linkedSignal<string[]>(() => (this.definition(), []));
  protected readonly answer = linkedSignal<CalculatorAnswer | null>(() => (this.definition(), null));
  protected readonly failed = signal(false);
  protected readonly submitting = signal(false);
  protected readonly hasProblems = computed(
    () => Object.keys(this.problems()).length > 0 || this.general().length > 0,
  );

  protected text(label: Bilingual): string {
    return pick(this.i18n.language(), label.ja, label.en);
  }

  protected fieldId(field: CalculatorField): string {
    return `calc-${this.name()}-${field.path.replace(/\./g, '-')}`;
  }

  protected fieldProblems(field: CalculatorField): string[] {
    return (this.problems()[field.path] ?? []).map((problem) =>
      'key' in problem ? this.i18n.t(problem.key) : problem.text,
    );
  }

  protected describedBy(field: CalculatorField): string | null {
    const id = this.fieldId(field);
    const ids = [
      field.hint ? `${id}-hint` : null,
      this.fieldProblems(field).length > 0 ? `${id}-error` : null,
    ];
    return ids.filter(Boolean).join(' ') || null;
  }

  protected inputMode(field: CalculatorField): 'numeric' | 'decimal' | null {
    if (field.kind === 'yen' || field.kind === 'count' || field.kind === 'whole') return 'numeric';
    return field.kind === 'decimal' ? 'decimal' : null;
  }

  protected value(field: CalculatorField): FieldValue {
    return this.values()[field.path] ?? field.default ?? emptyOf(field);
  }

  /** The add/remove controls sit under the last item of a repeated section. */
  protected repeatControls(section: ShownSection): { add: string | null; remove: string | null } | null {
    const repeat = this.definition().sections[section.sectionIndex].repeat;
    const count = this.counts()[section.sectionIndex];
    if (!repeat || section.item !== count - 1) return null;
    return {
      add: count < repeat.max ? this.text(repeat.add) : null,
      remove: count > 1 ? this.text(repeat.remove) : null,
    };
  }

  protected addItem(section: ShownSection): void {
    this.counts.update((counts) =>
      counts.map((count, i) => (i === section.sectionIndex ? count + 1 : count)),
    );
  }

  /** Removes the last item and forgets what was typed in it. */
  protected removeItem(section: ShownSection): void {
    const gone = new Set(section.fields.map((field) => field.path));
    this.counts.update((counts) =>
      counts.map((count, i) => (i === section.sectionIndex ? count - 1 : count)),
    );
    this.values.update((values) =>
      Object.fromEntries(Object.entries(values).filter(([path]) => !gone.has(path))),
    );
    this.problems.update((problems) =>
      Object.fromEntries(Object.entries(problems).filter(([path]) => !gone.has(path))),
    );
  }

  protected checked(field: CalculatorField, option?: string): boolean {
    const value = this.value(field);
    return option === undefined ? value === true : Array.isArray(value) && value.includes(option);
  }

  protected onInput(field: CalculatorField, event: Event): void {
    this.set(field, (event.target as HTMLInputElement | HTMLSelectElement).value);
  }

  protected onCheck(field: CalculatorField, event: Event, option?: string): void {
    const on = (event.target as HTMLInputElement).checked;
    if (option === undefined) {
      this.set(field, on);
      return;
    }
    const current = this.value(field);
    const list = Array.isArray(current) ? current.filter((item) => item !== option) : [];
    this.set(field, on ? [...list, option] : list);
  }

  protected fillExample(): void {
    this.counts.set(initialCounts(this.definition()));
    this.values.set({ ...emptyValues(this.definition()), ...this.definition().example });
    this.problems.set({});
    this.general.set([]);
  }

  protected clear(): void {
    this.counts.set(initialCounts(this.definition()));
    this.values.set(emptyValues(this.definition()));
    this.problems.set({});
    this.general.set([]);
    this.answer.set(null);
  }

  /** A plain form (no forms module): keep the browser from submitting it itself. */
  protected submit(event: Event): void {
    event.preventDefault();
    if (this.submitting()) return;
    const definition = this.definition();
    const counts = this.counts();
    const { body, problems } = buildBody(definition, counts, this.values());
    if (Object.keys(problems).length === 0) {
      // The rules' own schema: the same checks the server runs, shown before a round trip.
      const parsed = definition.schema.safeParse(body);
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({
          message: issue.message,
          path: issue.path.map(String).join('.'),
        }));
        this.showProblems(assignIssues(definition, counts, issues));
        return;
      }
    } else {
      this.showProblems({ byField: problems, general: [] });
      return;
    }
    this.problems.set({});
    this.general.set([]);
    this.failed.set(false);
    this.submitting.set(true);
    this.api.calculate(definition.name, body).subscribe({
      error: (error: unknown) => {
        this.submitting.set(false);
        if (httpStatus(error) === 400)
          this.showProblems(assignIssues(definition, counts, fieldIssuesOf(error)));
        else this.failed.set(true);
      },
      next: (answer) => {
        this.submitting.set(false);
        this.answer.set(answer);
        afterNextRender(() => this.resultsHeading()?.nativeElement.focus(), { injector: this.injector });
      },
    });
  }

  protected display(figure: ResultFigure, source: unknown): string {
    return formatFigure(figure.kind, readPath(source, figure.path), (key) => this.i18n.t(key));
  }

  protected rows(table: ResultTable, answer: CalculatorAnswer): unknown[] {
    const rows = readPath(answer.result, table.path);
    return Array.isArray(rows) ? rows : [];
  }

  protected presetLabel(preset: string | null): string {
    return preset ? this.i18n.t('calc.resultsPreset', { preset }) : this.i18n.t('calc.noPreset');
  }

  private set(field: CalculatorField, value: FieldValue): void {
    this.values.update((values) => ({ ...values, [field.path]: value }));
  }

  private showProblems({
    byField,
    general,
  }: {
    byField: Record<string, FieldProblem[]>;
    general: string[];
  }): void {
    this.problems.set(byField);
    this.general.set(general);
    afterNextRender(() => this.summary()?.nativeElement.focus(), { injector: this.injector });
  }
}
