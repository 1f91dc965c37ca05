/** NATS subjects of portfolio-service (DESIGN §4): read-only projections of every service's events. */
export const PORTFOLIO_RPC = {
  dashboard: { get: 'portfolio.dashboard.get' },
} as const;
