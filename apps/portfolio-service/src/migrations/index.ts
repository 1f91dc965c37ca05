import { CreateMessagingPlumbing1767225600000 } from './1767225600000-CreateMessagingPlumbing';
import { CreatePortfolioProjections1767225600001 } from './1767225600001-CreatePortfolioProjections';

export const PORTFOLIO_MIGRATIONS = [
  CreateMessagingPlumbing1767225600000,
  CreatePortfolioProjections1767225600001,
];
