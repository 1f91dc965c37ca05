import type { IsoDate } from '../../shared/iso-date';
import { canonicalJson, type CanonicalValue } from '../engine/canonical-json';
import { compileMethodology, type MethodologyIssue } from './compile-methodology';
import type { Methodology } from './methodology.schema';

/**
 * Lifecycle of a methodology version (方法論の版): DRAFT (editable) → PUBLISHED (immutable: reports calculated with
 * it must re-run identically). A change after publication is a new version published beside it, never an edit.
 * Pure functions over the data; storing versions is the service's job.
 */
export type LifecycleResult =
  | { readonly ok: true; readonly methodology: Methodology }
  | { readonly ok: false; readonly issues: readonly MethodologyIssue[] };

const refuse = (message: string, path: (string | number)[] = ['status']): LifecycleResult => ({
  ok: false,
  issues: [{ path, code: 'INVALID_FIELD', message }],
});

/** Publish a draft: only a draft whose formulas compile can be published. */
export function publishMethodology(draft: Methodology, publishedOn: IsoDate): LifecycleResult {
  if (draft.status !== 'DRAFT') return refuse(`${draft.id} ${draft.version} is already published`);
  const { issues } = compileMethodology(draft);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, methodology: { ...draft, status: 'PUBLISHED', publishedOn } };
}

/** Replace a stored version with an edited one: allowed for a draft, refused for a published version unless identical. */
export function amendMethodology(stored: Methodology, next: Methodology): LifecycleResult {
  if (next.id !== stored.id || next.version !== stored.version)
    return refuse('an amendment keeps the id and version', ['version']);
  if (stored.status === 'PUBLISHED') {
    if (methodologyCanonicalJson(stored) === methodologyCanonicalJson(next))
      return { ok: true, methodology: stored };
    return refuse(
      `${stored.id} ${stored.version} is published and cannot change: create version ${nextMinorVersion(stored.version)}`,
    );
  }
  if (next.status !== 'DRAFT') return refuse('publish with publishMethodology, not by editing the status');
  return { ok: true, methodology: next };
}

/** Start a new draft version from any version; the new version must be higher than every existing one. */
export function reviseMethodology(
  base: Methodology,
  newVersion: string,
  existingVersions: readonly string[],
): LifecycleResult {
  if (!/^\d{1,3}\.\d{1,3}$/.test(newVersion)) return refuse('version: major.minor, e.g. "1.1"', ['version']);
  const highest = [...existingVersions, base.version].sort(compareMethodologyVersions).at(-1) ?? base.version;
  if (compareMethodologyVersions(newVersion, highest) <= 0)
    return refuse(`version ${newVersion} must be higher than ${highest}`, ['version']);
  const rest: Methodology = { ...base };
  delete rest.publishedOn; // a new draft has not been published
  return { ok: true, methodology: { ...rest, version: newVersion, status: 'DRAFT' } };
}

/** Order "major.minor" numerically: "1.10" is after "1.9". */
export function compareMethodologyVersions(a: string, b: string): number {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am !== bm ? am - bm : an - bn;
}

export function nextMinorVersion(version: string): string {
  const [major, minor] = version.split('.').map(Number);
  return `${major}.${minor + 1}`;
}

/** Canonical JSON of a methodology version, for the service to hash and to compare versions byte for byte. */
export function methodologyCanonicalJson(m: Methodology): string {
  return canonicalJson(m as unknown as CanonicalValue);
}
