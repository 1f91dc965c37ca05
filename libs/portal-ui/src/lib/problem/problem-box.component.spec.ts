import { ComponentRef } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';

import { BuiltInUiTranslator, UiTranslator } from '../i18n/ui-translator';
import { JcmLoadStatusComponent } from '../load/load-status.component';
import { LoadStatus } from '../load/load-state';
import { JcmProblemBoxComponent } from './problem-box.component';
import { Problem } from './problem';

describe('JcmProblemBoxComponent', () => {
  let fixture: ComponentFixture<JcmProblemBoxComponent>;
  let ref: ComponentRef<JcmProblemBoxComponent>;
  const translator = new BuiltInUiTranslator();

  beforeEach(() => {
    translator.language.set('ja');
    TestBed.configureTestingModule({ providers: [{ provide: UiTranslator, useValue: translator }] });
    fixture = TestBed.createComponent(JcmProblemBoxComponent);
    ref = fixture.componentRef;
  });

  const show = async (problem: Problem | null) => {
    ref.setInput('problem', problem);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  };

  it('shows nothing without a problem', async () => {
    expect((await show(null)).querySelector('[data-testid="problem"]')).toBeNull();
  });

  it('shows cited refusals in the reader language with their source, and focuses the box', async () => {
    const el = await show({
      detail: null,
      issues: [],
      key: 'ui.problem.rules',
      refusals: [{ en: 'Over the cap', ja: '上限超過', ruleId: 'C3P-B1', source: '公募要領 §4(1)' }],
    });
    const box = el.querySelector<HTMLElement>('[data-testid="problem"]')!;
    expect(box.getAttribute('role')).toBe('alert');
    expect(el.querySelector('[data-testid="rule-violation"]')?.textContent).toContain('上限超過');
    expect(el.querySelector('[data-testid="rule-violation-source"]')?.textContent).toBe('公募要領 §4(1)');
    expect(document.activeElement).toBe(box);
    translator.language.set('en');
    await fixture.whenStable();
    expect(el.querySelector('[data-testid="rule-violation"]')?.textContent).toContain('Over the cap');
    expect(el.textContent).toContain('Refused under the following rules');
  });

  it('shows the reason and field issues of a plain refusal', async () => {
    const el = await show({
      detail: 'Call is closed',
      issues: [{ message: 'Required', path: 'titleEn' }],
      key: 'ui.problem.conflict',
      refusals: [],
    });
    expect(el.textContent).toContain('現在の状態ではこの操作はできません。');
    expect(el.textContent).toContain('Call is closed');
    expect(el.textContent).toContain('titleEn');
  });
});

describe('JcmLoadStatusComponent', () => {
  it('shows loading, not found (except for lists), failed, and nothing once loaded', async () => {
    TestBed.configureTestingModule({});
    const fixture = TestBed.createComponent(JcmLoadStatusComponent);
    const el = fixture.nativeElement as HTMLElement;
    const at = async (status: LoadStatus, list = false) => {
      fixture.componentRef.setInput('status', status);
      fixture.componentRef.setInput('list', list);
      await fixture.whenStable();
      return el.textContent?.trim();
    };
    expect(await at('loading')).toBe('読み込み中…');
    expect(await at('not-found')).toContain('見つかりません');
    expect(await at('not-found', true)).toBe('');
    expect(await at('failed')).toContain('データを読み込めませんでした');
    expect(el.querySelector('[role="alert"]')).not.toBeNull();
    expect(await at('loaded')).toBe('');
  });
});
