import { DIALOG_DATA, Dialog, DialogRef } from '@angular/cdk/dialog';
import { ChangeDetectionStrategy, Component, Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';

import { UiTranslator } from '../i18n/ui-translator';

/** One line of what is about to happen: "数量: 1,200 tCO2", "受取口座の名義: デモ・エンジニアリング株式会社". */
export interface ConfirmFact {
  label: string;
  value: string;
  /** Test hook on the value, e.g. `confirm-quantity`. */
  testId?: string;
}

/** Everything is already in the reader's language: the caller translates, the dialog only lays it out. */
export interface ConfirmRequest {
  title: string;
  lead?: string;
  facts: readonly ConfirmFact[];
  /** The button that sends, named for the act ("移転する"), never a bare "OK". */
  confirmLabel: string;
  /** Irreversible acts (retire, cancel) get the danger button and the "cannot be undone" line. */
  irreversible?: boolean;
}

/**
 * A modal confirmation before an irreversible or money/tonne action: what will be sent, to whom, how much.
 * CDK dialog (focus trap, Escape, focus back to the button that opened it, `aria-modal`); the look is the portal's
 * own `.panel`/`.button` classes, so the visual identity stays. Focus starts on "go back", the safe choice.
 */
@Component({
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'jcm-confirm', 'data-testid': 'confirm-dialog' },
  selector: 'jcm-confirm-dialog',
  styles: `
    :host {
      display: block;
      max-width: min(36rem, calc(100vw - 2rem));
      max-height: calc(100vh - 2rem);
      overflow: auto;
      padding: 1.25rem 1.5rem;
      border-radius: var(--jcm-radius, 6px);
      background: var(--jcm-surface, #fff);
      box-shadow: 0 10px 30px rgb(0 0 0 / 25%);
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.2rem;
    }
    dl {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.35rem 1rem;
      margin: 1rem 0;
    }
    dt {
      font-weight: 600;
    }
    dd {
      margin: 0;
      overflow-wrap: anywhere;
      font-variant-numeric: tabular-nums;
    }
    .warning {
      font-weight: 600;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: flex-end;
      gap: 0.75rem;
      margin-top: 1rem;
    }
  `,
  template: `
    <h2 id="jcm-confirm-title">{{ request.title }}</h2>
    @if (request.lead) {
      <p id="jcm-confirm-lead">{{ request.lead }}</p>
    }
    <dl>
      @for (fact of request.facts; track $index) {
        <dt>{{ fact.label }}</dt>
        <dd [attr.data-testid]="fact.testId ?? null">{{ fact.value }}</dd>
      }
    </dl>
    @if (request.irreversible) {
      <p class="warning small">{{ i18n.t('ui.confirm.irreversible') }}</p>
    }
    <div class="actions">
      <button
        class="button button--secondary"
        data-testid="confirm-cancel"
        type="button"
        (click)="ref.close(false)"
      >
        {{ i18n.t('ui.confirm.cancel') }}
      </button>
      <button
        class="button"
        data-testid="confirm-ok"
        type="button"
        [class.button--danger]="request.irreversible"
        (click)="ref.close(true)"
      >
        {{ request.confirmLabel }}
      </button>
    </div>
  `,
})
export class JcmConfirmDialogComponent {
  protected readonly request = inject<ConfirmRequest>(DIALOG_DATA);
  protected readonly ref = inject<DialogRef<boolean>>(DialogRef);
  protected readonly i18n = inject(UiTranslator);
}

@Injectable({ providedIn: 'root' })
export class ConfirmService {
  private readonly dialog = inject(Dialog);

  /** Emits once: true when the user confirmed; false on "go back", Escape or a click outside. */
  public confirm(request: ConfirmRequest): Observable<boolean> {
    const ref = this.dialog.open<boolean, ConfirmRequest>(JcmConfirmDialogComponent, {
      ariaDescribedBy: request.lead ? 'jcm-confirm-lead' : null,
      ariaLabelledBy: 'jcm-confirm-title',
      ariaModal: true,
      autoFocus: '[data-testid="confirm-cancel"]',
      data: request,
      restoreFocus: true,
      role: 'alertdialog',
    });
    return ref.closed.pipe(map((confirmed) => confirmed === true));
  }
}
