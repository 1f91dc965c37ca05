/** Seeded demo users (one per organisation type), shown as a small hint on the login page. */
export const DEMO_PASSWORD = 'demo-password';

export const DEMO_ACCOUNTS: readonly string[] = [
  'moe@demo.example',
  'gec@demo.example',
  'yokohama@demo.example',
  'kitakyushu@demo.example',
  'bangkok@demo.example',
  'koror@demo.example',
  'company@demo.example',
  'tpe@demo.example',
];
