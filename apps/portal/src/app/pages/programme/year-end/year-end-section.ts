/** What the signed-in organisation may do on this contract's year-end page. */
export interface YearEndRoles {
  /** MOE / secretariat (canInspectYearEnd). */
  oversight: boolean;
  /** A writer of the contracting company. */
  contractor: boolean;
  canSchedule: boolean;
  canHold: boolean;
  canConfirm: boolean;
  orgId: string | null;
}

/** A reference typed by a person: a web address, or else a file reference. */
export function refOf(reference: string): { url: string } | { fileRef: string } | Record<string, never> {
  const ref = reference.trim();
  return ref === '' ? {} : /^https?:\/\//.test(ref) ? { url: ref } : { fileRef: ref };
}
