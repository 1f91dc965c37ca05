/** The services the gateway's `/health` asks; each answers `<service>.health.check` over NATS (service-kit health). */
export const SERVICE_NAMES = [
  'partnership-service',
  'grants-service',
  'mrv-service',
  'credits-service',
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The NATS subject of a service's health check. */
export function healthSubject(service: ServiceName): `${ServiceName}.health.check` {
  return `${service}.health.check`;
}
