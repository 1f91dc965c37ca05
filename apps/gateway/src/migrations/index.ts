import { CreateIdentity1767225600000 } from './1767225600000-CreateIdentity';

export const IDENTITY_MIGRATIONS = [CreateIdentity1767225600000];
