// Every Slack listener, registered by kind, so the feature list reads like the product. A new
// kind (actions, views) is one more file here with its own register().
import type { App } from '@slack/bolt';
import * as actions from './actions.ts';
import * as commands from './commands.ts';
import * as events from './events.ts';
import * as shortcuts from './shortcuts.ts';
import * as views from './views.ts';
import type { ListenerDeps } from './shared.ts';

export type { ListenerDeps } from './shared.ts';

export function registerListeners(app: App, deps: ListenerDeps): void {
  commands.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
  shortcuts.register(app, deps);
  events.register(app, deps);
  // The last stop for anything a listener did not handle itself (listeners answer people and
  // log their own failures): log it with its code, and let Bolt carry on.
  app.error(async (error) => {
    deps.logger.error({ err: error, code: error.code }, 'Slack listener failed');
  });
}
