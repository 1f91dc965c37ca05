import { finding, type Finding } from '../shared/finding';
import type { Attachment } from './plan-form.schema';

/** Form A mandatory numbered attachments (書類番号) with their printed titles (plan-forms.md §6.1). */
export const FORM_A_ATTACHMENTS: Readonly<Record<string, string>> = {
  '3-01': '事業の主たる実施場所（所在地地図）',
  '3-02': '許認可等取得状況を示す資料',
  '3-03': '環境影響評価の実施状況を示す資料',
  '3-04': '導入設備の運用に必要な原材料調達や売電等にかかる調整状況を示す資料',
  '3-05': '事業の実施体制図',
  '3-06': '代表事業者の事業参画意志決定状況を示す資料',
  '3-07': '共同事業者の事業参画意志決定状況を示す資料',
  '3-08': '資金調達の確実性を示す資料',
  '3-09': '投資回収年数及び内部収益率の計算過程・根拠の説明資料',
  '3-10': '主要機器リスト、導入設備・機器の仕様書及びカタログ',
  '3-11': '導入設備・機器の概要図、配置図及びシステム図',
  '3-12': 'GHG排出削減量算定の根拠資料',
  '3-13': 'モニタリング機器の仕様書及びカタログ',
  '3-14': 'モニタリングに関するシステム図',
  '3-15': '詳細な事業実施スケジュール',
  '5-01': '国際コンソーシアム協定書(案)',
};
/** Attachments that may be marked "not applicable" with a reason [I]. */
export const NOT_APPLICABLE_ALLOWED: readonly string[] = ['3-02', '3-03', '3-04'];
/** 3-05 holds three diagrams: ① 実施体制, ② 運営・維持管理体制, ③ MRV実施体制. */
export const FORM_A_3_05_PARTS: readonly string[] = ['①', '②', '③'];

// plan-forms.md §7.11 V-DOC-1 / 実施計画書 【書類番号 3-01】〜【3-15】, 【5-01】.
/** Mandatory Form A attachments present (3-02/3-03/3-04 may be "not applicable" with a reason; 3-05 has ①②③). */
export function mandatoryAttachmentsPresent(attachments: readonly Attachment[]): Finding[] {
  const src = 'plan-forms.md V-DOC-1 / 実施計画書 書類番号';
  const out: Finding[] = [];
  for (const [ref, title] of Object.entries(FORM_A_ATTACHMENTS)) {
    const a = attachments.find((x) => x.docRef === ref);
    if (!a) {
      out.push(
        finding(
          'V-DOC-1',
          'error',
          `『${title}【書類番号 ${ref}】』が添付されていません。`,
          `Attachment ${ref} (${title}) is missing.`,
          src,
        ),
      );
    } else if (a.notApplicableReason !== undefined) {
      if (!NOT_APPLICABLE_ALLOWED.includes(ref))
        out.push(
          finding(
            'V-DOC-1',
            'error',
            `【書類番号 ${ref}】は該当なしにできません。`,
            `Attachment ${ref} cannot be marked not applicable.`,
            src,
          ),
        );
      else if (a.notApplicableReason.trim() === '')
        out.push(
          finding(
            'V-DOC-1',
            'error',
            `【書類番号 ${ref}】を該当なしとする理由を記入してください。`,
            `Give the reason ${ref} is not applicable.`,
            src,
          ),
        );
    } else if (ref === '3-05') {
      const missing = FORM_A_3_05_PARTS.filter((p) => !(a.parts ?? []).includes(p));
      if (missing.length > 0)
        out.push(
          finding(
            'V-DOC-1',
            'error',
            `【書類番号 3-05】に体制図${missing.join('')}がありません。`,
            `Attachment 3-05 lacks diagram(s) ${missing.join('')}.`,
            src,
          ),
        );
    }
  }
  return out;
}

const DOC_REF_IN_TEXT = /【書類番号\s*\d-\d{2}(-\d{2})?】/u;
const MENTIONS_ATTACHMENT = /別紙|添付|別添/u;

// plan-forms.md §7.11 V-DOC-2, §1.4 / 実施計画書 表紙＊: 参照別紙がある際は、都度書類番号を併記すること（例：【書類番号 3-01】参照）.
/** Narrative paragraphs that mention an attachment should cite 【書類番号 x-xx】 (info). */
export function docRefsCited(sections: Readonly<Record<string, string>>): Finding[] {
  return Object.entries(sections).flatMap(([key, text]) =>
    text
      .split(/\n+/u)
      .filter((p) => MENTIONS_ATTACHMENT.test(p) && !DOC_REF_IN_TEXT.test(p))
      .slice(0, 1)
      .map(() =>
        finding(
          'V-DOC-2',
          'info',
          `＜${key}＞で参照している別紙に書類番号（例：【書類番号 3-01】）を併記してください。`,
          `Section ${key} refers to an attachment without citing its 書類番号 (e.g. 【書類番号 3-01】).`,
          'plan-forms.md V-DOC-2 / 実施計画書 表紙＊ 都度書類番号を併記',
        ),
      ),
  );
}

// plan-forms.md §7.9 V-EFF-10 / 実施計画書 8(1)＊: 承認済み方法論・方法論案がある場合は当該方法論のスプレッドシートで算定し【書類番号 3-12】に添付.
/** Approved or proposed methodology ⇒ 3-12 includes the methodology spreadsheet (part 'METHODOLOGY_SPREADSHEET'). */
export function methodologySpreadsheetAttached(
  choice: 'APPROVED' | 'PROPOSED' | 'NONE',
  attachments: readonly Attachment[],
): Finding[] {
  if (choice === 'NONE') return [];
  const a = attachments.find((x) => x.docRef === '3-12');
  return a?.parts?.includes('METHODOLOGY_SPREADSHEET')
    ? []
    : [
        finding(
          'V-EFF-10',
          'error',
          '方法論を適用する場合、方法論のスプレッドシートを【書類番号 3-12】に添付してください。',
          'With a methodology, attach its spreadsheet within 3-12.',
          'plan-forms.md V-EFF-10 / 実施計画書 8(1)＊【書類番号 3-12】',
        ),
      ];
}
