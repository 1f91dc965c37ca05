import { groupDigits } from '@jcm/portal-ui';

import { MessageKey } from '../../i18n/messages.ja';
import { FigureKind } from './calculator-definition';

const UNITS: Partial<Record<FigureKind, MessageKey>> = {
  points: 'calc.unit.points',
  tonnes: 'calc.unit.tonnes',
  yen: 'calc.unit.yen',
  yenPerT: 'calc.unit.yenPerT',
  years: 'calc.unit.years',
};

/** A result figure as text: grouped digits and its unit; `null` (not applicable) is said in words. */
export function formatFigure(kind: FigureKind, value: unknown, t: (key: MessageKey) => string): string {
  if (value === null || value === undefined) return t('calc.notApplicable');
  if (kind === 'bool') return t(value === true ? 'calc.yes' : 'calc.no');
  if (typeof value !== 'string' && typeof value !== 'number') return JSON.stringify(value);
  if (kind === 'text') return String(value);
  const unit = UNITS[kind];
  return unit ? `${groupDigits(value)} ${t(unit)}` : groupDigits(value);
}
