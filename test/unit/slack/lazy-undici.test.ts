// adapters/slack/lazy-undici.ts: loading the Slack adapter's SDK no longer loads undici (about
// 20 MiB resident, used only by a Socket Mode connection), and Socket Mode still gets the real
// module the moment it reads anything of it. In a fresh process: undici is loaded once or never
// within one test file's process, whatever other tests did.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));

it('loads undici for @slack/socket-mode only when Socket Mode first uses it, and then the real module', () => {
  const script = `
    import { createRequire } from 'node:module';
    await import('./adapters/slack/lazy-undici.ts');
    await import('@slack/bolt');
    const require = createRequire(import.meta.url);
    const loaded = () => Object.keys(require.cache).some((file) => file.includes('/node_modules/undici/'));
    const before = loaded();
    const seen = createRequire(require.resolve('@slack/socket-mode'))('undici');
    const stillBefore = loaded();
    const same = seen.WebSocket === require('undici').WebSocket && typeof seen.fetch === 'function' && 'ErrorEvent' in seen;
    process.stdout.write(JSON.stringify({ before, stillBefore, after: loaded(), same }));`;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual({ before: false, stillBefore: false, after: true, same: true });
});
