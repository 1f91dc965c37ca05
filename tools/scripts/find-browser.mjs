// The browser of the portal e2e suite: a real Chrome/Chromium from the machine (playwright-core never downloads one).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const ON_PATH = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

/** `{ path }` of CHROME_PATH (or CHROMIUM_PATH), /usr/bin/chromium, or a Chrome/Chromium on PATH; else `{ problem }`. */
export function findBrowser(env = process.env) {
  for (const name of ['CHROME_PATH', 'CHROMIUM_PATH']) {
    const given = env[name];
    if (!given) continue;
    if (existsSync(given)) return { path: given };
    return {
      problem: `${name}=${given} does not exist. Point it at a Chrome or Chromium executable, or unset it.`,
    };
  }
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium' };
  for (const name of ON_PATH) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8', env }).stdout.trim();
    if (found) return { path: found };
  }
  const sudo = process.getuid?.() === 0 ? '' : 'sudo ';
  return {
    problem:
      'The portal e2e tests need Chrome or Chromium, and none was found (CHROME_PATH, /usr/bin/chromium, PATH). Install it:\n' +
      `  Debian:  ${sudo}apt-get install -y chromium\n` +
      `  Ubuntu:  ${sudo}apt-get install -y chromium-browser   (or: ${sudo}snap install chromium)\n` +
      '  macOS:   brew install --cask chromium\n' +
      'or set CHROME_PATH to an installed Chrome/Chromium, then run npm test again.',
  };
}
