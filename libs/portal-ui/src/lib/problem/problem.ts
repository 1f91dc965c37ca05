import { HttpErrorResponse } from '@angular/common/http';
import * as z from 'zod';

import { FieldIssue } from '@jcm/contracts';

import { UiLanguage, UiParams } from '../i18n/ui-translator';

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
  issues: FieldIssue[];
  /** A message key of the summary (forbidden, conflict, unavailable, …), translated by the UiTranslator. */
  key: string;
  params?: UiParams;
  /** The service's own reason, shown under the summary when there are no cited rules. */
  detail: string | null;
  /** HTTP status of the failed call (0: not reached); absent for a problem found before sending. */
  status?: number;
}

/** A problem found on the page itself (a missing entry), before anything was sent. */
export function pageProblem(key: string, params?: UiParams): Problem {
  return { detail: null, issues: [], key, refusals: [], ...(params ? { params } : {}) };
}

const ErrorBody = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  issues: z.array(FieldIssue).optional(),
});

/** HTTP status of a failed call; 0 when the server was not reached (or the reply broke its contract). */
export function httpStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}

function errorBody(error: unknown): z.infer<typeof ErrorBody> {
  if (!(error instanceof HttpErrorResponse)) return {};
  const parsed = ErrorBody.safeParse(error.error);
  return parsed.success ? parsed.data : {};
}

/** Field issues of a 400 VALIDATION_FAILED reply, e.g. `{ path: 'titleEn', message: '…' }`. */
export function fieldIssuesOf(error: unknown): FieldIssue[] {
  return errorBody(error).issues ?? [];
}

/** The gateway's `message` of a failed call (e.g. a RULE_VIOLATION's reason), or null. */
export function errorMessageOf(error: unknown): string | null {
  return errorBody(error).message ?? null;
}

/** `日本語 / English (ガイドブック §3.3(3))`: the source may hold one level of brackets. */
const CITED = /^([\s\S]*?) \/ ([\s\S]*) \(((?:[^()]|\([^()]*\))*)\)$/;

export function splitCitedMessage(ruleId: string, message: string): RuleRefusal {
  const match = CITED.exec(message.trim());
  if (!match) return { en: message, ja: message, ruleId, source: null };
  return { en: match[2].trim(), ja: match[1].trim(), ruleId, source: match[3].trim() };
}

export function refusalText(refusal: RuleRefusal, language: UiLanguage): string {
  return language === 'ja' ? refusal.ja : refusal.en;
}

const SUMMARY: Record<number, string> = {
  0: 'ui.problem.unreachable',
  400: 'ui.problem.invalid',
  403: 'ui.problem.forbidden',
  404: 'ui.problem.notFound',
  409: 'ui.problem.conflict',
  413: 'ui.problem.tooLarge',
};

/** The gateway's `{ code, message, issues }` error reply as a Problem; a 422 RULE_VIOLATION lists its cited rules. */
export function problemOf(error: unknown): Problem {
  const status = httpStatus(error);
  const body = errorBody(error);
  const issues = body.issues ?? [];
  if (status === 422 && body.code === 'RULE_VIOLATION') {
    return {
      detail: null,
      issues: [],
      key: 'ui.problem.rules',
      refusals: issues.map((i) => splitCitedMessage(i.path, i.message)),
      status,
    };
  }
  return {
    detail: body.message ?? null,
    issues,
    key: SUMMARY[status] ?? 'ui.problem.failed',
    refusals: [],
    status,
  };
}
