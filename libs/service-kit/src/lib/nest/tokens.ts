/** Injection tokens of the service kit. */
export const SERVICE_CONFIG = 'JCM_SERVICE_CONFIG';
export const DATA_SOURCE = 'JCM_DATA_SOURCE';
export const SERVICE_NAME = 'JCM_SERVICE_NAME';
