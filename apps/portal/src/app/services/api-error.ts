import { HttpErrorResponse } from '@angular/common/http';
import * as z from 'zod';

import { FieldIssue } from '@jcm/contracts';

/** Only the part the portal needs of the gateway's `{ code, message, issues }` error body. */
const ErrorIssues = z.object({ issues: z.array(FieldIssue) });

/** HTTP status of a failed call; 0 when the server was not reached (or the reply broke its contract). */
export function httpStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}

/** Field issues of a 400 VALIDATION_FAILED reply, e.g. `{ path: 'titleEn', message: '…' }`. */
export function fieldIssuesOf(error: unknown): FieldIssue[] {
  if (!(error instanceof HttpErrorResponse)) return [];
  const parsed = ErrorIssues.safeParse(error.error);
  return parsed.success ? parsed.data.issues : [];
}

const ErrorMessage = z.object({ message: z.string() });

/** The gateway's `message` of a failed call (e.g. a RULE_VIOLATION's reason), or null. */
export function errorMessageOf(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  const parsed = ErrorMessage.safeParse(error.error);
  return parsed.success ? parsed.data.message : null;
}
