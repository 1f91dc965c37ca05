import { CreatePartnershipRequest, FieldIssue } from '@jcm/contracts';

import { MessageKey } from '../../../i18n/messages.ja';
import { MessageParams } from '../../../i18n/translation.service';

/** Form fields in screen order; the names match the request body, so server issue paths map onto them. */
export const PARTNERSHIP_FORM_FIELDS = [
  'municipalityOrgId',
  'partnerCityOrgId',
  'titleJa',
  'titleEn',
  'targetFields',
  'targetFieldOther',
] as const;
export type PartnershipFormField = (typeof PARTNERSHIP_FORM_FIELDS)[number];

/** Our own checks say what to fix in the reader's language; server issues arrive as text. */
export type FormMessage = { key: MessageKey; params?: MessageParams } | { text: string };
export type PartnershipFormErrors = Partial<Record<PartnershipFormField, FormMessage[]>>;

const MAX_TEXT = 200;

/** The same limits as CreatePartnershipRequest, checked first so the messages can be specific. */
export function validatePartnershipForm(request: CreatePartnershipRequest): PartnershipFormErrors {
  const errors: PartnershipFormErrors = {};
  const add = (field: PartnershipFormField, message: FormMessage) => (errors[field] ??= []).push(message);
  const text = (field: 'titleJa' | 'titleEn' | 'targetFieldOther', value: string, missing: MessageKey) => {
    if (value === '') add(field, { key: missing });
    else if (value.length > MAX_TEXT)
      add(field, { key: 'partnershipNew.err.tooLong', params: { length: value.length } });
  };

  if (request.municipalityOrgId === '') add('municipalityOrgId', { key: 'partnershipNew.err.municipality' });
  if (request.partnerCityOrgId === '') add('partnerCityOrgId', { key: 'partnershipNew.err.partnerCity' });
  text('titleJa', request.titleJa, 'partnershipNew.err.titleJa');
  text('titleEn', request.titleEn, 'partnershipNew.err.titleEn');
  if (request.targetFields.length === 0) add('targetFields', { key: 'partnershipNew.err.targetFields' });
  if (request.targetFields.includes('other')) {
    text('targetFieldOther', request.targetFieldOther ?? '', 'partnershipNew.err.targetFieldOther');
  }

  if (Object.keys(errors).length > 0) return errors;
  // Backstop: anything the contract rejects that the checks above did not foresee.
  const parsed = CreatePartnershipRequest.safeParse(request);
  return parsed.success ? {} : splitIssues(parsed.error.issues.map(toFieldIssue)).byField;
}

/** Server (or zod) issues by form field; paths that name no field (e.g. `(root)`) stay form-level. */
export function splitIssues(issues: FieldIssue[]): {
  byField: PartnershipFormErrors;
  general: FormMessage[];
} {
  const byField: PartnershipFormErrors = {};
  const general: FormMessage[] = [];
  for (const issue of issues) {
    const field = PARTNERSHIP_FORM_FIELDS.find((name) => name === issue.path.split('.')[0]);
    if (field) (byField[field] ??= []).push({ text: issue.message });
    else general.push({ text: issue.message });
  }
  return { byField, general };
}

function toFieldIssue(issue: { path: PropertyKey[]; message: string }): FieldIssue {
  return { message: issue.message, path: issue.path.map(String).join('.') };
}
