/** NATS subjects of grants-service (DESIGN §4): request/reply `grants.<aggregate>.<verb>`; it publishes no events yet. */
export const GRANTS_RPC = {
  partnershipProjection: { list: 'grants.partnership-projection.list' },
} as const;

/** Domain events of grants-service (`evt.` + type on the stream); none yet. */
export const GRANTS_EVENTS = {} as const;
