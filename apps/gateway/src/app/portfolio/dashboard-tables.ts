import { Dashboard, DashboardTable } from '@jcm/contracts';

/** A table as exported: bilingual headers (Japanese first) and rows of strings (yen and tonnes exactly as sent). */
export interface ExportTable {
  headers: { ja: string; en: string }[];
  rows: (string | number)[][];
}

const STAGE_LABELS: Record<string, { ja: string; en: string }> = {
  city_pair: { ja: '都市間連携', en: 'City pair' },
  jcm_lead: { ja: 'JCM案件化', en: 'JCM lead' },
  application: { ja: '申請', en: 'Application' },
  adopted: { ja: '採択', en: 'Adopted' },
  decided: { ja: '交付決定', en: 'Grant decided' },
  registered: { ja: 'プロジェクト登録', en: 'Registered' },
  verified: { ja: '検証', en: 'Verified' },
  issued: { ja: 'クレジット発行', en: 'Issued' },
};

const T = (ja: string, en: string) => ({ ja, en });

/** The rows of one dashboard table, in the order the page shows them. */
export function dashboardTable(d: Dashboard, table: DashboardTable, lang: 'ja' | 'en'): ExportTable {
  const tonnesBy = (
    key: { ja: string; en: string },
    rows: Dashboard['tonnes']['byCountry'],
  ): ExportTable => ({
    headers: [
      key,
      T('発行量 (tCO2)', 'Issued (tCO2)'),
      T('日本政府分 (tCO2)', 'Government of Japan share (tCO2)'),
      T('償却量 (tCO2)', 'Retired (tCO2)'),
    ],
    rows: rows.map((r) => [r.key, r.issued, r.governmentShare, r.retired]),
  });
  switch (table) {
    case 'money':
      return {
        headers: [
          T('年度', 'Fiscal year'),
          T('契約件数', 'Contracts'),
          T('契約金額 (円)', 'Contract amount (JPY)'),
        ],
        rows: d.money.byFiscalYear.map((r) => [r.fiscalYear, r.contracts, r.amountYen]),
      };
    case 'pipeline':
      return {
        headers: [
          T('段階', 'Stage'),
          T('件数', 'Count'),
          T('金額 (円)', 'Amount (JPY)'),
          T('tCO2', 'tCO2'),
          T('転換率 (%)', 'Conversion (%)'),
        ],
        rows: d.pipeline.map((s) => [
          STAGE_LABELS[s.stage][lang],
          s.count,
          s.yen,
          s.tco2,
          s.conversionPercent ?? '',
        ]),
      };
    case 'tonnes-by-country':
      return tonnesBy(T('国', 'Country'), d.tonnes.byCountry);
    case 'tonnes-by-methodology':
      return tonnesBy(T('方法論', 'Methodology'), d.tonnes.byMethodology);
    case 'tonnes-by-vintage':
      return tonnesBy(T('ヴィンテージ', 'Vintage'), d.tonnes.byVintage);
    case 'work-due':
      return {
        headers: [T('組織', 'Organisation'), T('期限間近', 'Due soon'), T('期限超過', 'Overdue')],
        rows: d.workDue.byOrganisation.map((o) => [
          lang === 'ja' ? o.nameJa : o.nameEn,
          o.dueSoon,
          o.overdue,
        ]),
      };
  }
}

/** RFC 4180 CSV with a UTF-8 BOM, so Excel opens Japanese text correctly. */
export function toCsv(t: ExportTable, lang: 'ja' | 'en'): string {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [t.headers.map((h) => h[lang]), ...t.rows].map((r) => r.map(cell).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
