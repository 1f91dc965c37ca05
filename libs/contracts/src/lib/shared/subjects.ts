/**
 * NATS subjects (DESIGN §4). RPC: `<service>.<aggregate>.<verb>`; events: `<prefix>.<service>.<aggregate>.<past>`,
 * where the prefix is `evt` in production (configurable so integration tests use their own stream).
 */
export const RPC = {
  partnership: {
    create: 'partnership.partnership.create',
    list: 'partnership.partnership.list',
    get: 'partnership.partnership.get',
  },
  grants: {
    listPartnershipProjection: 'grants.partnership-projection.list',
  },
  health: (service: string) => `${service}.health.check`,
} as const;

/** Event types, without the stream prefix. */
export const EVENTS = {
  partnershipCreated: 'partnership.partnership.created',
} as const;

export const SERVICE_NAMES = ['partnership-service', 'grants-service', 'mrv-service', 'credits-service'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];
