// @slack/socket-mode (which @slack/bolt loads whatever the mode) requires undici when it is loaded,
// though it uses it only once a Socket Mode connection opens. undici is about 20 MiB of resident
// memory (110 modules); an HTTP-mode service never opens that connection. So its require of undici
// gets a stand-in that loads the real module the first time any of it is read.
import Module, { createRequire } from 'node:module';

const SOCKET_MODE = `${['node_modules', '@slack', 'socket-mode'].join('/')}/`;
const require = createRequire(import.meta.url);
type Loader = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Loader };
const original = loader._load;
let real: Record<string | symbol, unknown> | undefined;
const lazyUndici = new Proxy({} as Record<string | symbol, unknown>, {
  get: (_target, key) => (real ??= require('undici') as Record<string | symbol, unknown>)[key],
  has: (_target, key) => key in (real ??= require('undici') as Record<string | symbol, unknown>),
});
loader._load = function load(request, parent, isMain) {
  if (request === 'undici' && parent?.filename?.replaceAll('\\', '/').includes(SOCKET_MODE)) return lazyUndici;
  return original.call(this, request, parent, isMain);
};
