// The manifests' command lists, from the features' own commands (the router's catalogue): the
// Slack /quorum usage hint, and the Teams bot's command menu. `npm run manifests` writes them into
// manifest/; test/unit/manifest proves the committed files say what this produces.
import { readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { CATALOGUE } from '../src/core.ts';
import type { CommandInfo } from '../src/kernel/deps.ts';

export const SLACK_MANIFEST = 'manifest/slack/manifest.json';
export const TEAMS_TEMPLATE = 'manifest/teams/manifest.template.json';

/** "help | meetings | agenda [YYYY-MM-DD] [post|remind|…] | meeting [new|edit|cancel] | …" */
export function slackUsageHint(catalogue: readonly CommandInfo[] = CATALOGUE): string {
  const groups = new Map<string, { bare: boolean; subs: string[] }>();
  for (const c of catalogue) {
    const [first, ...rest] = c.words.split(' ') as [string, ...string[]];
    const group = groups.get(first) ?? { bare: false, subs: [] };
    if (rest.length === 0) group.bare = true;
    else group.subs.push(rest.join(' '));
    groups.set(first, group);
  }
  return [...groups].map(([word, g]) => (g.subs.length === 0 ? word : `${word} ${g.bare ? '[' : '<'}${g.subs.join('|')}${g.bare ? ']' : '>'}`)).join(' | ');
}

export interface TeamsCommand {
  title: string;
  description: string;
}

/** The Teams command menu: the commands marked for it, each a whole command that works as picked. */
export function teamsCommands(catalogue: readonly CommandInfo[] = CATALOGUE): TeamsCommand[] {
  return catalogue.filter((c) => c.menu).map((c) => ({ title: c.words, description: c.description }));
}

/** The manifest files that do not list the commands as they are; rewritten when `write` is set. */
export function staleManifests(options: { write: boolean }): string[] {
  const changed: string[] = [];
  const slack = JSON.parse(readFileSync(SLACK_MANIFEST, 'utf8')) as { features: { slash_commands: { command: string; usage_hint: string }[] } };
  const quorum = slack.features.slash_commands.find((c) => c.command === '/quorum');
  if (!quorum) throw new Error(`${SLACK_MANIFEST} has no /quorum command`);
  if (quorum.usage_hint !== slackUsageHint()) {
    quorum.usage_hint = slackUsageHint();
    if (options.write) writeFileSync(SLACK_MANIFEST, `${JSON.stringify(slack, null, 2)}\n`);
    changed.push(SLACK_MANIFEST);
  }
  const teams = JSON.parse(readFileSync(TEAMS_TEMPLATE, 'utf8')) as { bots: { commandLists: { scopes: string[]; commands: TeamsCommand[] }[] }[] };
  const lists = teams.bots[0]?.commandLists ?? [];
  const wanted = teamsCommands();
  if (lists.some((l) => JSON.stringify(l.commands) !== JSON.stringify(wanted))) {
    for (const list of lists) list.commands = wanted;
    if (options.write) writeFileSync(TEAMS_TEMPLATE, `${JSON.stringify(teams, null, 2)}\n`);
    changed.push(TEAMS_TEMPLATE);
  }
  return changed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const changed = staleManifests({ write: true });
  console.log(changed.length > 0 ? `Updated ${changed.join(' and ')}.` : 'The manifests already list every command.');
}
