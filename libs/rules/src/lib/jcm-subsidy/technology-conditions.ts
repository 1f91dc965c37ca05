import Decimal from 'decimal.js';
import { finding, type Finding } from '../shared/finding';
import type { JcmSubsidyPreset } from './jcm-subsidy-preset';

const SRC = '公募要領 別添5 技術別採択条件';

// jcm-grants.md §8 R-APP-08 / 別添5 1.: 太陽光発電モジュールの変換効率が20%以上.
/** PV module efficiency condition (変換効率20%以上). */
export function pvModuleEfficiencyOk(efficiencyPercent: string, preset: JcmSubsidyPreset): Finding[] {
  if (new Decimal(efficiencyPercent).greaterThanOrEqualTo(preset.pvModuleMinEfficiencyPercent)) return [];
  return [
    finding(
      'R-APP-08',
      'error',
      `太陽光発電モジュールの変換効率${efficiencyPercent}%が${preset.pvModuleMinEfficiencyPercent}%未満です。`,
      `PV module efficiency ${efficiencyPercent}% is below ${preset.pvModuleMinEfficiencyPercent}%.`,
      `jcm-grants.md §8 R-APP-08 / ${SRC}`,
    ),
  ];
}

/** Why a battery is needed (蓄電池の必要性). */
export type BatteryNecessity = 'OFF_GRID' | 'LEGALLY_REQUIRED_FOR_GRID' | 'SELF_CONSUMPTION_OR_LOCAL_SUPPLY';

export interface PvBatteryInput {
  readonly pvModuleEfficiencyPercent: string;
  readonly chargedOnlyFromProjectPv: boolean;
  readonly dischargeMeasurable: boolean;
  readonly necessity: BatteryNecessity | null;
  readonly dailyChargeDischarge?: boolean;
  /** Battery capacity and the PV capacity basis, in the same unit (the source mixes kW and kWh: §9 item 13). */
  readonly batteryCapacity?: string;
  readonly pvCapacityBasis?: string;
  readonly maxDaySurplus?: string;
}

// jcm-grants.md §8 R-APP-09 / 別添5 2.: PV+蓄電池 — PVのみで充電, 放電量計測, 必要性①〜③ (③: 毎日充放電, 容量は20%以上かつ余剰最大日以下).
/** PV + battery conditions (太陽光発電＋蓄電池の採択条件). */
export function pvBatteryConditions(input: PvBatteryInput, preset: JcmSubsidyPreset): Finding[] {
  const src = `jcm-grants.md §8 R-APP-09 / ${SRC} 2.`;
  const out: Finding[] = [...pvModuleEfficiencyOk(input.pvModuleEfficiencyPercent, preset)];
  const fail = (ja: string, en: string) => out.push(finding('R-APP-09', 'error', ja, en, src));
  if (!input.chargedOnlyFromProjectPv)
    fail(
      '蓄電池は導入する太陽光発電のみで充電する必要があります。',
      'The battery must be charged only from the installed PV.',
    );
  if (!input.dischargeMeasurable)
    fail('蓄電池からの放電量が計測できる必要があります。', 'Battery discharge must be measurable.');
  if (input.necessity === null)
    fail('蓄電池の必要性（①〜③）が示されていません。', 'No battery necessity condition (1–3) is shown.');
  if (input.necessity === 'SELF_CONSUMPTION_OR_LOCAL_SUPPLY') {
    if (!input.dailyChargeDischarge)
      fail('蓄電池は原則毎日充放電する必要があります。', 'The battery must in principle cycle daily.');
    if (
      input.batteryCapacity === undefined ||
      input.pvCapacityBasis === undefined ||
      input.maxDaySurplus === undefined
    ) {
      fail(
        '蓄電池容量の判定に必要な値がありません。',
        'Battery capacity check needs battery, PV basis and max-day surplus.',
      );
    } else {
      const battery = new Decimal(input.batteryCapacity);
      const min = new Decimal(input.pvCapacityBasis).times(preset.batteryMinShareOfPv);
      if (battery.lessThan(min))
        fail(
          `蓄電池容量が太陽光発電容量の20%（${min.toFixed()}）未満です。`,
          `Battery capacity is below 20% of PV capacity (${min.toFixed()}).`,
        );
      if (battery.greaterThan(input.maxDaySurplus))
        fail(
          '蓄電池容量が余剰最大日の蓄電可能量を超えています。',
          'Battery capacity exceeds the max-day surplus.',
        );
      out.push(
        finding(
          'R-APP-09',
          'info',
          '容量の条件は kW と kWh が混在しているため、同一単位で入力してください。',
          'The source mixes kW and kWh; the capacity check compares the values as given in one unit.',
          'jcm-grants.md §9 item 13',
        ),
      );
    }
  }
  return out;
}
