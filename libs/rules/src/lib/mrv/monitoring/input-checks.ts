import { decimalText, mrvDecimal, type MrvDecimal } from '../engine/mrv-decimal';
import type { CompiledMethodology } from '../methodology/compile-methodology';
import type { MethodologyParameter } from '../methodology/methodology.schema';
import { parameterValue, type MonitoringPeriodInput, type SeriesEntry } from './monitoring-input.schema';
import { dateOfDayNumber, dayNumber } from './day-number';
import { monitoringIssue, type MonitoringIssue } from './monitoring-issue';

/** Valid 'YYYY-MM-DD' dates order as strings do (four-digit years), so no date parsing is needed to compare them. */
const compareDates = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const PERIOD_SOURCE = 'jcm-grants.md §4.1②, §6.3 (monitoring periods)';
const paramSource = (c: CompiledMethodology, p: MethodologyParameter) =>
  `jcm-grants.md §4.1②; ${c.methodology.id} ${c.methodology.version} parameter ${p.id}`;

/** Entries of one series in canonical order: by meter (none first), then by start date. */
export function sortSeries(entries: readonly SeriesEntry[]): SeriesEntry[] {
  return [...entries].sort((a, b) => {
    const ma = a.meter ?? '';
    const mb = b.meter ?? '';
    if (ma !== mb) return ma < mb ? -1 : 1;
    return compareDates(a.from, b.from) || compareDates(a.to, b.to);
  });
}

/** Already in decimalText form: no leading zeros, no trailing fraction zeros, not "-0". */
const CANONICAL_DECIMAL = /^(0|-?[1-9]\d*)(\.\d*[1-9])?$|^-0\.\d*[1-9]$/;
const canonicalDecimal = (v: string): string => (CANONICAL_DECIMAL.test(v) ? v : decimalText(mrvDecimal(v)));

/** The input as the trace records it: series sorted, decimals in their one text form, so equal inputs print equal. */
export function normalizeMonitoringInput(input: MonitoringPeriodInput): MonitoringPeriodInput {
  // A null-prototype record: no key of the input can reach Object.prototype.
  const values: MonitoringPeriodInput['values'] = Object.create(null);
  for (const id of Object.keys(input.values).sort()) {
    const v = input.values[id];
    values[id] =
      typeof v === 'string'
        ? canonicalDecimal(v)
        : sortSeries(v).map((e) => ({
            from: e.from,
            to: e.to,
            value: canonicalDecimal(e.value),
            ...(e.meter === undefined ? {} : { meter: e.meter }),
          }));
  }
  const earlier = input.earlierPeriods?.map((p) => ({
    start: p.start,
    end: p.end,
    ...(p.label === undefined ? {} : { label: p.label }),
  }));
  return {
    period: { start: input.period.start, end: input.period.end },
    values,
    ...(earlier && earlier.length > 0 ? { earlierPeriods: earlier } : {}),
  };
}

/**
 * Checks before anything is computed (算定前チェック): period valid and not overlapping an earlier one; every
 * parameter present (or defaulted), of the right shape, inside its plausible range; every series covering the
 * period per meter without gaps or overlaps. Each issue names the parameter and the path to the bad value.
 */
export function checkMonitoringInput(
  c: CompiledMethodology,
  input: MonitoringPeriodInput,
): MonitoringIssue[] {
  const issues: MonitoringIssue[] = [];
  const { start, end } = input.period;
  if (compareDates(end, start) < 0) {
    issues.push(
      monitoringIssue(
        'PERIOD_INVALID',
        ['period', 'end'],
        `モニタリング期間の終了日 ${end} が開始日 ${start} より前です。`,
        `The monitoring period ends (${end}) before it starts (${start}).`,
        PERIOD_SOURCE,
      ),
    );
    return issues;
  }
  input.earlierPeriods?.forEach((p, i) => {
    if (compareDates(p.start, end) <= 0 && compareDates(start, p.end) <= 0) {
      const label = p.label ? `${p.label} ` : '';
      issues.push(
        monitoringIssue(
          'PERIOD_OVERLAP',
          ['earlierPeriods', i],
          `期間 ${start}〜${end} が既存の期間 ${label}${p.start}〜${p.end} と重複しています。`,
          `The period ${start}–${end} overlaps the earlier period ${label}${p.start}–${p.end}.`,
          PERIOD_SOURCE,
        ),
      );
    }
  });
  for (const id of Object.keys(input.values)) {
    if (!c.parameters.has(id)) {
      issues.push(
        monitoringIssue(
          'UNKNOWN_PARAMETER',
          ['values', id],
          `パラメータ ${id} は方法論 ${c.methodology.id} にありません。`,
          `Methodology ${c.methodology.id} has no parameter ${id}.`,
          `${c.methodology.id} ${c.methodology.version}`,
          { parameter: id },
        ),
      );
    }
  }
  for (const p of c.parameters.values()) issues.push(...checkParameter(c, p, input));
  return issues;
}

function checkParameter(
  c: CompiledMethodology,
  p: MethodologyParameter,
  input: MonitoringPeriodInput,
): MonitoringIssue[] {
  const v = parameterValue(input.values, p.id);
  const src = paramSource(c, p);
  const named = `${p.id} (${p.name.ja})`;
  const namedEn = `${p.id} (${p.name.en})`;
  if (v === undefined) {
    if (p.kind === 'FIXED_EX_ANTE' && p.defaultValue !== undefined) return [];
    const how = p.gridFactor ? ` 別添4 から国・ケース別の値を与えてください。` : '';
    const howEn = p.gridFactor
      ? ' Give the country and case value from 別添4 (gridFactorParameterValue).'
      : '';
    return [
      monitoringIssue(
        'PARAMETER_MISSING',
        ['values', p.id],
        `パラメータ ${named} の値がありません。${how}`,
        `Parameter ${namedEn} is missing.${howEn}`,
        src,
        { parameter: p.id },
      ),
    ];
  }
  if ((p.shape === 'SERIES') !== Array.isArray(v)) {
    const want =
      p.shape === 'SERIES'
        ? ['月別・計量器別の値の一覧', 'a list of monthly / per-meter entries']
        : ['1つの数値', 'one decimal value'];
    return [
      monitoringIssue(
        'SHAPE_MISMATCH',
        ['values', p.id],
        `パラメータ ${named} には${want[0]}を与えてください。`,
        `Parameter ${namedEn} takes ${want[1]}.`,
        src,
        { parameter: p.id },
      ),
    ];
  }
  if (typeof v === 'string') return rangeIssue(c, p, v, ['values', p.id], ['', '']);
  return checkSeries(c, p, v, input.period);
}

const boundsCache = new WeakMap<MethodologyParameter, { min?: MrvDecimal; max?: MrvDecimal }>();
/** A parameter's plausible range as decimals, parsed once per methodology object rather than once per value. */
function boundsOf(p: MethodologyParameter): { min?: MrvDecimal; max?: MrvDecimal } {
  let b = boundsCache.get(p);
  if (!b) {
    const r = p.plausibleRange;
    b = {
      ...(r?.min === undefined ? {} : { min: mrvDecimal(r.min) }),
      ...(r?.max === undefined ? {} : { max: mrvDecimal(r.max) }),
    };
    boundsCache.set(p, b);
  }
  return b;
}

function rangeIssue(
  c: CompiledMethodology,
  p: MethodologyParameter,
  value: string,
  path: (string | number)[],
  where: readonly [ja: string, en: string],
): MonitoringIssue[] {
  const r = p.plausibleRange;
  if (!r) return [];
  const bounds = boundsOf(p);
  const d = mrvDecimal(value);
  if ((!bounds.min || d.greaterThanOrEqualTo(bounds.min)) && (!bounds.max || d.lessThanOrEqualTo(bounds.max)))
    return [];
  const range = `${r.min ?? '−∞'}〜${r.max ?? '∞'} ${p.unit}`;
  const rangeEn = `${r.min ?? '−∞'} to ${r.max ?? '∞'} ${p.unit}`;
  return [
    monitoringIssue(
      'OUT_OF_RANGE',
      path,
      `パラメータ ${p.id}${where[0]} の値 ${value} が妥当な範囲 ${range} の外です。`,
      `Parameter ${p.id}${where[1]}: ${value} is outside the plausible range ${rangeEn}.`,
      paramSource(c, p),
      {
        parameter: p.id,
        range: {
          ...(r.min === undefined ? {} : { min: r.min }),
          ...(r.max === undefined ? {} : { max: r.max }),
        },
      },
    ),
  ];
}

function checkSeries(
  c: CompiledMethodology,
  p: MethodologyParameter,
  entries: readonly SeriesEntry[],
  period: MonitoringPeriodInput['period'],
): MonitoringIssue[] {
  const src = paramSource(c, p);
  const issue = (code: MonitoringIssue['code'], path: (string | number)[], ja: string, en: string) =>
    monitoringIssue(code, path, ja, en, src, { parameter: p.id });
  if (entries.length === 0)
    return [
      issue(
        'SERIES_EMPTY',
        ['values', p.id],
        `パラメータ ${p.id} の値が1件もありません。`,
        `Parameter ${p.id} has no entries.`,
      ),
    ];
  const issues: MonitoringIssue[] = [];
  const index = new Map(entries.map((e, i) => [e, i]));
  const at = (e: SeriesEntry) => ['values', p.id, index.get(e) ?? 0];
  const label = (e: SeriesEntry) => `${e.meter ? `${e.meter} ` : ''}${e.from}〜${e.to}`;
  const labelEn = (e: SeriesEntry) => `${e.meter ? `${e.meter} ` : ''}${e.from}–${e.to}`;
  entries.forEach((e) => {
    if (compareDates(e.to, e.from) < 0)
      issues.push(
        issue(
          'SERIES_ENTRY_INVALID',
          [...at(e), 'to'],
          `${p.id} ${label(e)}: 終了日が開始日より前です。`,
          `${p.id} ${labelEn(e)} ends before it starts.`,
        ),
      );
    else if (compareDates(e.from, period.start) < 0 || compareDates(e.to, period.end) > 0) {
      issues.push(
        issue(
          'SERIES_OUTSIDE_PERIOD',
          at(e),
          `${p.id} ${label(e)} がモニタリング期間 ${period.start}〜${period.end} の外にあります。`,
          `${p.id} ${labelEn(e)} lies outside the period ${period.start}–${period.end}.`,
        ),
      );
    }
    issues.push(...rangeIssue(c, p, e.value, [...at(e), 'value'], [` ${label(e)}`, ` ${labelEn(e)}`]));
  });
  if (issues.some((i) => i.code === 'SERIES_ENTRY_INVALID' || i.code === 'SERIES_OUTSIDE_PERIOD'))
    return issues;

  // Per meter, the entries must tile the period exactly: start on its first day, each next entry the day after.
  const byMeter = new Map<string, SeriesEntry[]>();
  for (const e of sortSeries(entries)) {
    const list = byMeter.get(e.meter ?? '');
    if (list) list.push(e);
    else byMeter.set(e.meter ?? '', [e]);
  }
  for (const [meter, list] of byMeter) {
    const m = meter ? ` ${meter}` : '';
    // Day numbers, not strings, in the loop: an entry's dates are parsed once, text is built only for a message.
    let expected = dayNumber(period.start);
    for (const e of list) {
      const from = dayNumber(e.from);
      if (from > expected) {
        const gap = `${dateOfDayNumber(expected)}〜${dateOfDayNumber(from - 1)}`;
        issues.push(
          issue(
            'SERIES_GAP',
            at(e),
            `${p.id}${m}: ${gap} の値がありません。`,
            `${p.id}${m}: no value for ${gap.replace('〜', '–')}.`,
          ),
        );
      }
      if (from < expected) {
        const overlap = `${e.from}〜${dateOfDayNumber(expected - 1)}`;
        issues.push(
          issue(
            'SERIES_OVERLAP',
            at(e),
            `${p.id}${m}: ${label(e)} が前の値と ${overlap} で重複しています。`,
            `${p.id}${m}: ${labelEn(e)} overlaps the previous entry on ${overlap.replace('〜', '–')}.`,
          ),
        );
      }
      expected = Math.max(expected, dayNumber(e.to) + 1);
    }
    if (expected <= dayNumber(period.end)) {
      const gap = `${dateOfDayNumber(expected)}〜${period.end}`;
      issues.push(
        issue(
          'SERIES_GAP',
          ['values', p.id],
          `${p.id}${m}: ${gap} の値がありません。`,
          `${p.id}${m}: no value for ${gap.replace('〜', '–')}.`,
        ),
      );
    }
  }
  return issues;
}
