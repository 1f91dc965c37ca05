import { finding, type Finding } from '../shared/finding';

const TITLE_RE = /^\s*([^／/]+?)\s*[／/]\s*(.+?)\s*$/u;

// plan-forms.md §1.1, §7.1 V-STR-3 / 実施計画書 表紙: 「対象国」／「事業名」; B allows several countries joined with ・.
/** Parse a plan title (国名及び事業名) into countries and project name, normalised to ／. */
export function parseProjectTitle(
  title: string,
): { countries: string[]; projectName: string; normalised: string } | { findings: Finding[] } {
  const m = TITLE_RE.exec(title);
  if (!m) {
    return {
      findings: [
        finding(
          'V-STR-3',
          'error',
          '事業名は「対象国／事業名」の形式で記入してください。',
          'The title must read "country / project name".',
          'plan-forms.md §1.1 V-STR-3',
        ),
      ],
    };
  }
  const countries = m[1]
    .split('・')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  return { countries, projectName: m[2], normalised: `${m[1]}／${m[2]}` };
}
