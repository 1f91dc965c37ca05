import { uiMessagesEn } from '@jcm/portal-ui';

import { calculatorsEn } from './messages.calculators';
import { confirmationsEn } from './messages.confirmations';
import { creditsEn } from './messages.credits';
import { grantsEn } from './messages.grants';
import { mrvEn } from '../pages/mrv/mrv.messages';
import { partnershipTimelineEn } from './messages.partnership-timeline';
import { programmeEn } from './messages.programme';
import { programmeHelpEn } from './messages.programme-help';
import { yearEndEn } from './messages.year-end';
import { MessageKey } from './messages.ja';

/** English. Typed against the Japanese source, so a missing key is a compile error. */
export const en: Record<MessageKey, string> = {
  'app.name': 'JCM & City-to-City Partnership Platform',
  'app.skipToContent': 'Skip to main content',
  'app.retry': 'Reload',

  'lang.switch': '日本語',
  'lang.switchLabel': '表示言語を日本語に切り替える',

  'nav.label': 'Main menu',
  'nav.partnerships': 'City-to-City partnerships',

  'header.signedInAs': 'Signed in as {name}',
  'header.logout': 'Log out',

  'login.title': 'Log in',
  'login.lead':
    'Portal for Japanese municipalities, partner cities, companies and the Ministry of the Environment.',
  'login.email': 'Email address',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.submitting': 'Logging in…',
  'login.emailRequired': 'Enter your email address.',
  'login.emailInvalid': 'Enter an email address in the correct format, like name@example.org.',
  'login.passwordRequired': 'Enter your password.',
  'login.invalidCredentials': 'Email or password is incorrect.',
  'login.unavailable': 'The server could not be reached. Please try again in a moment.',
  'login.sessionExpired': 'Your session has expired. Please log in again.',
  'login.demoTitle': 'Demo accounts',
  'login.demoNote': 'All accounts use the password {password}.',

  'partnerships.title': 'City-to-City partnerships',
  'partnerships.new': 'Register a partnership',
  'partnerships.search': 'Search',
  'partnerships.searchHint': 'Searches project titles and city names.',
  'partnerships.searchSubmit': 'Search',
  'partnerships.sort': 'Sort by',
  'partnerships.sort.-createdAt': 'Registered (newest first)',
  'partnerships.sort.createdAt': 'Registered (oldest first)',
  'partnerships.sort.titleJa': 'Title (Japanese)',
  'partnerships.sort.titleEn': 'Title (English)',
  'partnerships.count': 'Showing {from}–{to} of {total}',
  'partnerships.empty': 'No partnerships have been registered yet.',
  'partnerships.emptySearch': 'No partnerships match “{q}”.',
  'partnerships.col.title': 'Project',
  'partnerships.col.municipality': 'Japanese municipality',
  'partnerships.col.partnerCity': 'Partner city',
  'partnerships.col.targetFields': 'Target fields',
  'partnerships.col.createdAt': 'Registered',
  'partnerships.paging': 'Pages',
  'partnerships.previous': 'Previous page',
  'partnerships.next': 'Next page',
  'partnerships.pageOf': 'Page {page} of {pages}',

  'partnership.detailTitle': 'Partnership details',
  'partnership.back': 'Back to the list',
  'partnership.notFound': 'Not found',
  'partnership.notFoundText': 'This partnership does not exist, or you do not have permission to view it.',
  'partnership.created': 'The partnership has been registered.',
  'partnership.titleJa': 'Title (Japanese)',
  'partnership.titleEn': 'Title (English)',
  'partnership.municipality': 'Japanese municipality',
  'partnership.partnerCity': 'Partner city',
  'partnership.targetFields': 'Target fields',
  'partnership.targetFieldOther': 'Other (details)',
  'partnership.createdAt': 'Registered at',

  'partnershipNew.title': 'Register a City-to-City partnership',
  'partnershipNew.lead':
    'Register a pair of a Japanese municipality and a partner city abroad. All fields are required.',
  'partnershipNew.selectPlaceholder': 'Select…',
  'partnershipNew.fixedMunicipality': 'Registered for your own municipality.',
  'partnershipNew.titleHint': 'Up to 200 characters',
  'partnershipNew.targetFieldsHint': 'Select all that apply.',
  'partnershipNew.otherHint': 'If you selected “Other”, describe it (up to 200 characters).',
  'partnershipNew.submit': 'Register',
  'partnershipNew.submitting': 'Registering…',
  'partnershipNew.cancel': 'Cancel',
  'partnershipNew.errorSummary': 'Please check the following',
  'partnershipNew.optionsFailed':
    'The lists of municipalities and cities could not be loaded. Please reload the page.',
  'partnershipNew.forbidden': 'You do not have permission to register this partnership.',
  'partnershipNew.failed': 'The partnership could not be registered. Please try again in a moment.',
  'partnershipNew.err.municipality': 'Select the Japanese municipality.',
  'partnershipNew.err.partnerCity': 'Select the partner city.',
  'partnershipNew.err.titleJa': 'Enter the title in Japanese.',
  'partnershipNew.err.titleEn': 'Enter the title in English.',
  'partnershipNew.err.tooLong': 'Use 200 characters or fewer (currently {length}).',
  'partnershipNew.err.targetFields': 'Select at least one target field.',
  'partnershipNew.err.targetFieldOther': 'Describe the “Other” target field.',

  'targetField.energy': 'Energy',
  'targetField.renewable-energy': 'Renewable energy',
  'targetField.energy-efficiency': 'Energy efficiency',
  'targetField.waste': 'Waste',
  'targetField.water': 'Water',
  'targetField.transport': 'Transport',
  'targetField.urban-planning': 'Urban planning',
  'targetField.agriculture': 'Agriculture',
  'targetField.forestry': 'Forestry',
  'targetField.f-gas': 'F-gases',
  'targetField.other': 'Other',

  ...calculatorsEn,
  ...confirmationsEn,
  ...creditsEn,
  ...mrvEn,
  ...partnershipTimelineEn,
  ...programmeEn,
  ...programmeHelpEn,
  ...grantsEn,
  ...yearEndEn,
  ...uiMessagesEn,
};
