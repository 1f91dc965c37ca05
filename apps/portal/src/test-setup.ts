import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';

process.env['TZ'] = 'UTC';
setupZonelessTestEnv();
