import type { LocalizedText } from './methodology.schema';

// [EXT] The JCM uses the CDM's 15 sectoral scopes for methodologies and TPE accreditation; the list is not in
// /work/shared (anchors/mrv-grants.md §1 names scopes only as TPE accreditation's key). Names as the CDM lists them.
/** Sectoral scopes (分野) a methodology belongs to and a TPE is accredited for. */
export const SECTORAL_SCOPES: Readonly<Record<number, LocalizedText>> = {
  1: {
    ja: 'エネルギー産業（再生可能／非再生可能エネルギー源）',
    en: 'Energy industries (renewable / non-renewable sources)',
  },
  2: { ja: 'エネルギー供給', en: 'Energy distribution' },
  3: { ja: 'エネルギー需要', en: 'Energy demand' },
  4: { ja: '製造業', en: 'Manufacturing industries' },
  5: { ja: '化学工業', en: 'Chemical industry' },
  6: { ja: '建設', en: 'Construction' },
  7: { ja: '運輸', en: 'Transport' },
  8: { ja: '鉱業・鉱物生産', en: 'Mining / mineral production' },
  9: { ja: '金属生産', en: 'Metal production' },
  10: { ja: '燃料からの漏洩排出', en: 'Fugitive emissions from fuels (solid, oil and gas)' },
  11: {
    ja: 'ハロカーボン及び六フッ化硫黄の生産・消費に伴う漏洩排出',
    en: 'Fugitive emissions from production and consumption of halocarbons and sulphur hexafluoride',
  },
  12: { ja: '溶剤の使用', en: 'Solvent use' },
  13: { ja: '廃棄物の取扱い及び処分', en: 'Waste handling and disposal' },
  14: { ja: '植林・再植林', en: 'Afforestation and reforestation' },
  15: { ja: '農業', en: 'Agriculture' },
};
