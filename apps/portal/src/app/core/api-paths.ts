/** Gateway endpoints (same origin; the gateway serves the portal and `/api`). */
export const API = {
  calculators: '/api/v1/calculators',
  calls: '/api/v1/calls',
  contracts: '/api/v1/contracts',
  credits: '/api/v1/credits',
  deliverables: '/api/v1/deliverables',
  interestLetters: '/api/v1/interest-letters',
  jcmLeads: '/api/v1/jcm-leads',
  login: '/api/v1/auth/login',
  me: '/api/v1/me',
  monthlyReports: '/api/v1/monthly-reports',
  organisations: '/api/v1/organisations',
  partnerships: '/api/v1/partnerships',
  proposals: '/api/v1/proposals',
  reportMeetings: '/api/v1/report-meetings',
  settlementReports: '/api/v1/settlement-reports',
} as const;

export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/');
}
