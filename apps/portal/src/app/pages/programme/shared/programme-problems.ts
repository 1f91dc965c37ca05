import { HttpErrorResponse } from '@angular/common/http';
import * as z from 'zod';

import { Language } from '../../../i18n/language';
import { MessageKey } from '../../../i18n/messages.ja';

/** One refusal of a rule, as the service cites it: `ja / en (source)` split for the reader. */
export interface RuleRefusal {
  ruleId: string;
  ja: string;
  en: string;
  source: string | null;
}

/** What a failed call means for the person at the screen: cited rule refusals, field issues, or a plain reason. */
export interface Problem {
  refusals: RuleRefusal[];
  issues: { path: string; message: string }[];
  /** A translated summary (forbidden, conflict, unavailable, …). */
  key: MessageKey;
  /** The service's own reason (English), shown under the summary when there are no cited rules. */
  detail: string | null;
}

const ErrorBody = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** `日本語 / English (city-partnerships.md §7.1 B1/B2 / ガイドブック §3.3(3))`: the source may hold one level of brackets. */
const CITED = /^([\s\S]*?) \/ ([\s\S]*) \(((?:[^()]|\([^()]*\))*)\)$/;

export function splitCitedMessage(ruleId: string, message: string): RuleRefusal {
  const match = CITED.exec(message.trim());
  if (!match) return { en: message, ja: message, ruleId, source: null };
  return { en: match[2].trim(), ja: match[1].trim(), ruleId, source: match[3].trim() };
}

export function refusalText(refusal: RuleRefusal, language: Language): string {
  return language === 'ja' ? refusal.ja : refusal.en;
}

export function problemOf(error: unknown): Problem {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  const parsed = error instanceof HttpErrorResponse ? ErrorBody.safeParse(error.error) : null;
  const body = parsed?.success ? parsed.data : {};
  const issues = body.issues ?? [];
  if (status === 422 && body.code === 'RULE_VIOLATION') {
    return { detail: null, issues: [], key: 'prog.problem.rules', refusals: issues.map((i) => splitCitedMessage(i.path, i.message)) };
  }
  const key: MessageKey =
    status === 400 ? 'prog.problem.invalid'
    : status === 403 ? 'prog.problem.forbidden'
    : status === 404 ? 'prog.problem.notFound'
    : status === 409 ? 'prog.problem.conflict'
    : status === 413 ? 'prog.problem.tooLarge'
    : status === 0 ? 'prog.problem.unreachable'
    : 'prog.problem.failed';
  return { detail: body.message ?? null, issues, key, refusals: [] };
}
