import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  Injector,
  afterNextRender,
  effect,
  inject,
  input,
  viewChild,
} from '@angular/core';

import { UiTranslator } from '../i18n/ui-translator';
import { Problem, RuleRefusal, refusalText } from './problem';

/** A refused or failed action: each cited rule in the reader's language with its source, or the reason. */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  selector: 'jcm-problem-box',
  styles: `
    :host {
      display: contents;
    }
    .refusals {
      margin: 0.5rem 0 0;
      padding-left: 1.1rem;
    }
    .refusal__message {
      font-weight: 600;
    }
    .refusal__meta {
      margin: 0 0 0.4rem !important;
    }
  `,
  template: `
    @if (problem(); as p) {
      <div #box class="alert alert--error" data-testid="problem" role="alert" tabindex="-1">
        <p class="alert__title">{{ i18n.t(p.key, p.params) }}</p>
        @if (p.refusals.length > 0) {
          <ul class="refusals">
            @for (refusal of p.refusals; track $index) {
              <li class="refusal" data-testid="rule-violation">
                <p class="refusal__message">{{ text(refusal) }}</p>
                <p class="small refusal__meta">
                  {{ i18n.t('ui.rule') }}: <code>{{ refusal.ruleId }}</code>
                  @if (refusal.source) {
                    · {{ i18n.t('ui.source') }}:
                    <span data-testid="rule-violation-source">{{ refusal.source }}</span>
                  }
                </p>
              </li>
            }
          </ul>
        } @else {
          @if (p.detail) {
            <p class="small">{{ p.detail }}</p>
          }
          @if (p.issues.length > 0) {
            <ul class="small">
              @for (issue of p.issues; track $index) {
                <li>
                  <code>{{ issue.path }}</code>: {{ issue.message }}
                </li>
              }
            </ul>
          }
        }
      </div>
    }
  `,
})
export class JcmProblemBoxComponent {
  protected readonly i18n = inject(UiTranslator);
  public readonly problem = input<Problem | null>(null);
  private readonly box = viewChild<ElementRef<HTMLElement>>('box');
  private readonly injector = inject(Injector);

  public constructor() {
    // A refusal usually answers a button at the bottom of a long form: bring it into view and announce it.
    effect(() => {
      if (!this.problem()) return;
      afterNextRender(() => this.box()?.nativeElement.focus(), { injector: this.injector });
    });
  }

  protected text(refusal: RuleRefusal): string {
    return refusalText(refusal, this.i18n.language());
  }
}
