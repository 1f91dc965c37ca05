import { CreateFiles1767225600000 } from './1767225600000-CreateFiles';

export const FILES_MIGRATIONS = [CreateFiles1767225600000];
