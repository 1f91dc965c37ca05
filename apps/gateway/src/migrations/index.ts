import { CreateIdentity1767225600000 } from './1767225600000-CreateIdentity';
import { CreateLoginThrottle1767312000000 } from './1767312000000-CreateLoginThrottle';

export const IDENTITY_MIGRATIONS = [CreateIdentity1767225600000, CreateLoginThrottle1767312000000];
