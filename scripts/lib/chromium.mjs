// Browser tests use Debian's Chromium (no browser downloads on this machine kind) and a CJK font.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function ensureChromium(log) {
  const hasFont = spawnSync('sh', ['-c', 'fc-list 2>/dev/null | grep -qi "wenquanyi\\|wqy"']).status === 0;
  if (existsSync(CHROMIUM) && hasFont) return CHROMIUM;
  if (process.getuid?.() !== 0) {
    throw new Error(`Chromium (${CHROMIUM}) and fonts-wqy-microhei are needed: sudo apt-get install -y chromium fonts-wqy-microhei`);
  }
  log('installing Debian chromium and fonts-wqy-microhei …');
  const run = (cmd) => spawnSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  run('apt-get update -qq');
  const r = run('apt-get install -y -qq chromium fonts-wqy-microhei');
  if (r.status !== 0 || !existsSync(CHROMIUM)) throw new Error('installing chromium failed');
  return CHROMIUM;
}
