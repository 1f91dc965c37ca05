import { TestBed } from '@angular/core/testing';

import { BuiltInUiTranslator, UiTranslator } from '../i18n/ui-translator';
import { ConfirmService } from './confirm-dialog';

describe('ConfirmService', () => {
  const translator = new BuiltInUiTranslator();
  beforeEach(() =>
    TestBed.configureTestingModule({ providers: [{ provide: UiTranslator, useValue: translator }] }),
  );
  afterEach(() => document.querySelectorAll('.cdk-overlay-container').forEach((el) => (el.innerHTML = '')));

  const open = (irreversible = false) => {
    const answers: boolean[] = [];
    TestBed.inject(ConfirmService)
      .confirm({
        confirmLabel: '償却する',
        facts: [
          { label: '数量', testId: 'confirm-quantity', value: '1,200 tCO2' },
          { label: '受取口座の名義', value: 'デモ・エンジニアリング株式会社' },
        ],
        irreversible,
        lead: '次の内容で償却します。',
        title: '償却の確認',
      })
      .subscribe((answer) => answers.push(answer));
    TestBed.tick();
    const dialog = document.querySelector<HTMLElement>('[data-testid="confirm-dialog"]')!;
    return { answers, dialog };
  };

  it('shows what will be sent as an accessible modal, focused on going back', () => {
    const { dialog } = open(true);
    const container = dialog.closest('[role="alertdialog"]')!;
    expect(container.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(container.getAttribute('aria-labelledby')!)?.textContent).toBe(
      '償却の確認',
    );
    expect(dialog.querySelector('[data-testid="confirm-quantity"]')?.textContent).toBe('1,200 tCO2');
    expect(dialog.textContent).toContain('デモ・エンジニアリング株式会社');
    expect(dialog.textContent).toContain('この操作は取り消せません。');
    expect(dialog.querySelector('[data-testid="confirm-ok"]')?.classList).toContain('button--danger');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('confirm-cancel');
  });

  it('answers true only for the confirm button', () => {
    const first = open();
    first.dialog.querySelector<HTMLElement>('[data-testid="confirm-ok"]')!.click();
    expect(first.answers).toEqual([true]);
    const second = open();
    second.dialog.querySelector<HTMLElement>('[data-testid="confirm-cancel"]')!.click();
    expect(second.answers).toEqual([false]);
    expect(document.querySelector('[data-testid="confirm-dialog"]')).toBeNull();
  });
});
