import { finding, type Finding } from '../shared/finding';
import type { CoApplicant, Contact, PlanFormKind } from './plan-form.schema';

const blank = (s: string | undefined) => (s ?? '').trim() === '';

/** Printed sections per form kind (A: ＜１＞…＜１０＞, B: ＜1＞…＜9＞). */
export const PLAN_FORM_SECTIONS: Readonly<Record<PlanFormKind, readonly string[]>> = {
  A: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
  B: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
};

// plan-forms.md §7.1 V-STR-1 / 実施計画書 ＜１＞〜＜１０＞ (A), コ・イノベーション実施計画書 ＜1＞〜＜9＞ (B).
/** Every printed section is present and non-empty for the form kind. */
export function planSectionsPresent(
  kind: PlanFormKind,
  sections: Readonly<Record<string, string>>,
): Finding[] {
  const missing = PLAN_FORM_SECTIONS[kind].filter((n) => blank(sections[n]));
  if (missing.length === 0) return [];
  const list = missing.join('、');
  return [
    finding(
      'V-STR-1',
      'error',
      `実施計画書の項目＜${list}＞が記入されていません。`,
      `Plan sections ${missing.join(', ')} are missing.`,
      `plan-forms.md V-STR-1 / ${kind === 'A' ? '設備補助事業実施計画書 ＜１＞〜＜１０＞' : 'コ・イノベーション事業実施計画書 ＜1＞〜＜9＞'}`,
    ),
  ];
}

// plan-forms.md §7.1 V-STR-2 / 実施計画書 表紙 共同事業者名①② and 2(3) 共同事業者の概要.
/** At least one co-applicant; each has a 2(3) profile block whose name matches the cover list. */
export function coApplicantsValid(coApplicants: readonly Pick<CoApplicant, 'name' | 'profile'>[]): Finding[] {
  const src = 'plan-forms.md V-STR-2 / 表紙 共同事業者名, 2(3) 共同事業者の概要';
  if (coApplicants.length === 0)
    return [
      finding(
        'V-STR-2',
        'error',
        '共同事業者を1社以上記入してください。',
        'At least one co-applicant is required.',
        src,
      ),
    ];
  const out: Finding[] = [];
  coApplicants.forEach((c, i) => {
    if (blank(c.name))
      out.push(
        finding(
          'V-STR-2',
          'error',
          `共同事業者${i + 1}の名称がありません。`,
          `Co-applicant ${i + 1} has no name.`,
          src,
        ),
      );
    else if (!c.profile)
      out.push(
        finding(
          'V-STR-2',
          'error',
          `共同事業者「${c.name}」の概要（2(3)）がありません。`,
          `Co-applicant "${c.name}" has no 2(3) profile block.`,
          src,
        ),
      );
    else if (c.profile.name.trim() !== c.name.trim())
      out.push(
        finding(
          'V-STR-2',
          'error',
          `2(3)の共同事業者名「${c.profile.name}」が表紙の「${c.name}」と一致しません。`,
          `Profile name "${c.profile.name}" does not match cover name "${c.name}".`,
          src,
        ),
      );
  });
  return out;
}

// plan-forms.md §7.1 V-STR-4 / 実施計画書 1(4) 事業経緯: 国際コンソーシアム構成員名を網羅した形で記入する.
/** The background names every consortium member (ja or en name, substring match). */
export function backgroundNamesAllMembers(
  background: string,
  members: readonly { nameJa: string; nameEn?: string }[],
): Finding[] {
  const missing = members.filter(
    (m) =>
      !(
        background.includes(m.nameJa.trim()) ||
        (m.nameEn !== undefined && m.nameEn.trim() !== '' && background.includes(m.nameEn.trim()))
      ),
  );
  return missing.map((m) =>
    finding(
      'V-STR-4',
      'warning',
      `事業経緯に国際コンソーシアム構成員「${m.nameJa}」の名称がありません。`,
      `The background does not mention consortium member "${m.nameJa}".`,
      'plan-forms.md V-STR-4 / 実施計画書 1(4)・コ・イノベーション実施計画書 1(3) 事業経緯',
    ),
  );
}

// plan-forms.md §7.1 V-STR-6 / コ・イノベーション実施計画書 冒頭「全体で10ページ以内」; A: 公募要領 様式３-0a 最大10ページ.
/** Rendered plan ≤ 10 pages (renderer-dependent, so a warning); unknown page count asks for confirmation. */
export function pageLimit(kind: PlanFormKind, renderedPages: number | undefined, maxPages = 10): Finding[] {
  const src = `plan-forms.md V-STR-6 / ${kind === 'B' ? 'コ・イノベーション実施計画書 冒頭（全体で10ページ以内）' : '公募要領 様式３-0a（最大10ページ）'}`;
  if (renderedPages === undefined)
    return [
      finding(
        'V-STR-6',
        'info',
        `ページ数（${maxPages}ページ以内）を確認してください。`,
        `Confirm the plan is at most ${maxPages} pages.`,
        src,
      ),
    ];
  return renderedPages > maxPages
    ? [
        finding(
          'V-STR-6',
          'warning',
          `実施計画書が${renderedPages}ページで、${maxPages}ページを超えています。`,
          `The plan has ${renderedPages} pages, over the ${maxPages}-page limit.`,
          src,
        ),
      ]
    : [];
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function contactFindings(label: string, labelEn: string, c: Contact | undefined, src: string): Finding[] {
  if (!c)
    return [
      finding('V-STR-7', 'error', `${label}の連絡先がありません。`, `${labelEn} contact is missing.`, src),
    ];
  const out: Finding[] = [];
  const missing = (['name', 'deptAndTitle', 'address', 'phone', 'email'] as const).filter((k) => blank(c[k]));
  if (missing.length > 0)
    out.push(
      finding(
        'V-STR-7',
        'error',
        `${label}の連絡先に未記入の項目があります（${missing.join(', ')}）。`,
        `${labelEn} contact lacks ${missing.join(', ')}.`,
        src,
      ),
    );
  if (!blank(c.email) && !EMAIL_RE.test(c.email.trim()))
    out.push(
      finding(
        'V-STR-7',
        'error',
        `${label}のE-mailアドレス「${c.email}」の形式が正しくありません。`,
        `${labelEn} e-mail "${c.email}" is not an address.`,
        src,
      ),
    );
  return out;
}

// plan-forms.md §7.1 V-STR-7 / 実施計画書 表紙 代表事業者の連絡先（責任者・窓口）, 共同事業者の連絡先（責任者）.
/** Lead has 責任者 and 窓口 contacts; each co-applicant has 責任者; e-mail format; A lead 〒 missing → warning. */
export function contactsValid(
  kind: PlanFormKind,
  lead: { contactResponsible?: Contact; contactWindow?: Contact },
  coApplicants: readonly Pick<CoApplicant, 'name' | 'contactResponsible'>[],
): Finding[] {
  const src = 'plan-forms.md V-STR-7 / 表紙 連絡先';
  const out = [
    ...contactFindings('代表事業者（責任者）', 'Lead (responsible)', lead.contactResponsible, src),
    ...contactFindings('代表事業者（窓口）', 'Lead (window)', lead.contactWindow, src),
    ...coApplicants.flatMap((c, i) =>
      contactFindings(
        `共同事業者${i + 1}（責任者）`,
        `Co-applicant ${i + 1} (responsible)`,
        c.contactResponsible,
        src,
      ),
    ),
  ];
  if (kind === 'A' && lead.contactResponsible && blank(lead.contactResponsible.postalCode)) {
    out.push(
      finding(
        'V-STR-7',
        'warning',
        '代表事業者の所在地に郵便番号（〒）がありません。',
        'The lead address has no postal code (〒).',
        'plan-forms.md §1.2 / 実施計画書 表紙 所在地〒',
      ),
    );
  }
  return out;
}
