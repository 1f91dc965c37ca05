import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable, map } from 'rxjs';
import * as z from 'zod';

import { API } from '../core/api-paths';

/** GET /api/v1/calculators */
const CalculatorList = z.object({
  items: z.array(z.object({ name: z.string(), preset: z.string().nullable() })),
});
export type CalculatorListItem = z.infer<typeof CalculatorList>['items'][number];

/** The rules' Finding (所見), as every calculator result carries it. */
export const FindingView = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message_ja: z.string(),
  message_en: z.string(),
  source: z.string(),
});
export type FindingView = z.infer<typeof FindingView>;

/** POST /api/v1/calculators/<name>: figures differ per calculator; the findings list is common to all. */
const CalculatorAnswer = z.object({
  calculator: z.string(),
  preset: z.string().nullable(),
  result: z.looseObject({ findings: z.array(FindingView) }),
});
export type CalculatorAnswer = z.infer<typeof CalculatorAnswer>;

/** Public calculators (no sign-in): pure rule functions behind the gateway; nothing is stored. */
@Injectable({ providedIn: 'root' })
export class CalculatorsApiService {
  private readonly http = inject(HttpClient);

  public fetchCalculators(): Observable<CalculatorListItem[]> {
    return this.http.get<unknown>(API.calculators).pipe(map((body) => CalculatorList.parse(body).items));
  }

  public calculate(name: string, body: Record<string, unknown>): Observable<CalculatorAnswer> {
    return this.http
      .post<unknown>(`${API.calculators}/${encodeURIComponent(name)}`, body)
      .pipe(map((reply) => CalculatorAnswer.parse(reply)));
  }
}
