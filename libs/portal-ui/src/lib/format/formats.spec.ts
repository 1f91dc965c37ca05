import { TestBed } from '@angular/core/testing';

import { BuiltInUiTranslator, UiTranslator } from '../i18n/ui-translator';
import { fiscalYearLabel, formatDate, groupDigits, monthLabel, yen } from './formats';
import { JcmDatePipe, JcmLabelPipe, JcmNamePipe, JcmYenPipe } from './pipes';

describe('formats', () => {
  it('writes integer yen with separators, exactly, in both languages', () => {
    expect(yen(19965000, 'ja')).toBe('19,965,000円');
    expect(yen(19965000, 'en')).toBe('¥19,965,000');
    expect(yen('10000000000000001', 'en')).toBe('¥10,000,000,000,000,001');
    expect(yen(-13355, 'ja')).toBe('-13,355円');
    expect(yen(0, 'en')).toBe('¥0');
    // Not an integer: shown as it came, never rounded into a plausible amount.
    expect(yen(1.5, 'ja')).toBe('1.5');
    expect(groupDigits('12345.678')).toBe('12,345.678');
  });

  it('writes calendar dates as written, with 和暦 on request, and ISO timestamps as their day', () => {
    expect(formatDate('2026-04-01', 'ja')).toBe('2026年4月1日');
    expect(formatDate('2026-04-01', 'en')).toBe('1 Apr 2026');
    expect(formatDate('2026-04-01', 'ja', 'era')).toBe('令和8年4月1日');
    expect(formatDate('2019-05-01', 'ja', 'era')).toBe('令和元年5月1日');
    expect(formatDate('2019-04-30', 'ja', 'era')).toBe('平成31年4月30日');
    expect(formatDate('2026-04-01', 'en', 'era')).toBe('1 Apr 2026');
    expect(formatDate('2026-03-31T23:30:00.000Z', 'ja')).toBe('2026年3月31日');
    expect(formatDate('2026-03-31T23:30:00.000Z', 'en')).toBe('31 Mar 2026');
    expect(formatDate('not a date', 'en')).toBe('not a date');
    expect(monthLabel('2026-04', 'ja')).toBe('2026年4月');
    expect(monthLabel('2026-04', 'en')).toBe('Apr 2026');
    expect(fiscalYearLabel(2026, 'ja')).toBe('2026年度');
    expect(fiscalYearLabel(2026, 'ja', true)).toBe('令和8年度');
    expect(fiscalYearLabel(2026, 'en', true)).toBe('FY2026');
  });
});

describe('pipes', () => {
  it('follow the reader language when it changes', () => {
    const translator = new BuiltInUiTranslator();
    TestBed.configureTestingModule({ providers: [{ provide: UiTranslator, useValue: translator }] });
    const [yenPipe, datePipe, labelPipe, namePipe] = TestBed.runInInjectionContext(() => [
      new JcmYenPipe(),
      new JcmDatePipe(),
      new JcmLabelPipe(),
      new JcmNamePipe(),
    ]);
    expect(yenPipe.transform(1200)).toBe('1,200円');
    expect(datePipe.transform('2026-04-01', 'era')).toBe('令和8年4月1日');
    expect(labelPipe.transform('rules', 'ui.problem')).toBe(
      '次のルールにより受け付けられませんでした（保存されていません）',
    );
    expect(namePipe.transform({ nameEn: 'Yokohama', nameJa: '横浜市' })).toBe('横浜市');
    translator.language.set('en');
    expect(yenPipe.transform(1200)).toBe('¥1,200');
    expect(datePipe.transform('2026-04-01', 'era')).toBe('1 Apr 2026');
    expect(labelPipe.transform('rules', 'ui.problem')).toBe(
      'Refused under the following rules (nothing was saved)',
    );
    expect(namePipe.transform({ titleEn: 'Call 1', titleJa: '第1回公募' })).toBe('Call 1');
    expect(yenPipe.transform(null)).toBe('');
  });
});
