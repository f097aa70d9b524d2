// The V8 flags `npm start` gives Node (package.json's start script), for everything that runs the
// service as `npm start` does in a process of its own: the start test, the drills' service
// processes, the memory bench.
import { readFileSync } from 'node:fs';

export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => word.startsWith('--') && word !== '--import');
}
