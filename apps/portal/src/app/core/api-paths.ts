/** Gateway endpoints (same origin; the gateway serves the portal and `/api`). */
export const API = {
  login: '/api/v1/auth/login',
  me: '/api/v1/me',
  organisations: '/api/v1/organisations',
  partnerships: '/api/v1/partnerships',
} as const;

export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/');
}
