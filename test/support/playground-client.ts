// Drives the playground over HTTP the way its page does (adapters/playground/page/app.js): reads
// /playground/api/state, posts Bot Framework activities to /playground/api/messages as a chosen
// person in the board channel or their own chat, clicks a card's Action.Execute with the card's
// inputs, and reads the transcript the playground's Bot Connector keeps.
//
//   const pg = await playgroundClient(quorum.url);
//   await pg.say('playground-newcomer', 'channel', 'board setup');
//   const form = await pg.waitForCard('personal:playground-newcomer', /Set up a board/);
//   const answer = await pg.execute('playground-newcomer', form, 'Set up', { name: 'Board', slug: 'b' });
import { randomUUID } from 'node:crypto';

export interface PlaygroundState {
  tenantId: string;
  bot: { id: string; name: string };
  team: { id: string; name: string };
  channel: { id: string; name: string };
  serviceUrl: string;
  people: { aadObjectId: string; name: string; title?: string; organisation?: string; roles: string[] }[];
  clock: { now: string; offsetMs: number };
  demo?: boolean;
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  from: { id: string; name: string; bot: boolean };
  text?: string;
  attachments?: { contentType: string; content?: Record<string, unknown> }[];
  at: string;
  updatedAt?: string;
}

export type Place = 'channel' | 'personal';

type CardNode = Record<string, unknown> & { type?: string; id?: string; value?: unknown; title?: string; verb?: string; data?: Record<string, unknown> };

/** Every node of a card (body, containers, actions), depth first. */
export function cardNodes(card: unknown): CardNode[] {
  const found: CardNode[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    found.push(node as CardNode);
    for (const value of Object.values(node)) if (typeof value === 'object') walk(value);
  };
  walk(card);
  return found;
}

/** All the text a card shows, joined. */
export function cardText(card: unknown): string {
  return cardNodes(card)
    .flatMap((n) => [n.text, n.title, n.value].filter((v): v is string => typeof v === 'string'))
    .join('\n');
}

export const cardOf = (message: ChatMessage) => message.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;

export async function playgroundClient(baseUrl: string) {
  const state = async (): Promise<PlaygroundState> => (await fetch(`${baseUrl}/playground/api/state`)).json() as Promise<PlaygroundState>;
  const info = await state();

  const conversationOf = (place: Place, aad: string) => (place === 'channel' ? info.channel.id : `a:playground-${aad}`);

  function activity(aad: string, place: Place, fields: Record<string, unknown>) {
    const person = { id: `29:${aad}`, aadObjectId: aad, name: info.people.find((p) => p.aadObjectId === aad)?.name ?? aad };
    return {
      id: `test-${randomUUID()}`,
      channelId: 'msteams',
      serviceUrl: info.serviceUrl,
      timestamp: new Date().toISOString(),
      from: person,
      recipient: info.bot,
      ...(place === 'channel'
        ? {
            conversation: { id: info.channel.id, conversationType: 'channel', isGroup: true, tenantId: info.tenantId },
            channelData: { tenant: { id: info.tenantId }, team: info.team, channel: info.channel },
          }
        : { conversation: { id: conversationOf('personal', aad), conversationType: 'personal', tenantId: info.tenantId }, channelData: { tenant: { id: info.tenantId } } }),
      ...fields,
    };
  }

  async function post(body: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${baseUrl}/playground/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  async function transcript(conversationId?: string): Promise<ChatMessage[]> {
    const { messages } = (await (await fetch(`${baseUrl}/playground/api/transcript`)).json()) as { messages: ChatMessage[] };
    return conversationId ? messages.filter((m) => m.conversationId === conversationId) : messages;
  }

  return {
    info,
    state,
    transcript,
    conversationOf,
    /** Types a message (in the channel, with the bot's @mention as Teams sends it). */
    say: (aad: string, place: Place, text: string) =>
      post(
        activity(
          aad,
          place,
          place === 'channel'
            ? { type: 'message', text: `<at>Quorum</at> ${text}`, entities: [{ type: 'mention', mentioned: info.bot, text: '<at>Quorum</at>' }] }
            : { type: 'message', text },
        ),
      ),
    /** Clicks the Action.Execute titled `title` on the message's card, with the card's inputs (their
     * shown values, overridden by `inputs`) merged into its data, as the renderer does. */
    execute: (aad: string, message: ChatMessage, title: string, inputs: Record<string, unknown> = {}) => {
      const card = cardOf(message);
      const action = cardNodes(card).find((n) => n.type === 'Action.Execute' && n.title === title);
      if (!action?.verb) throw new Error(`no "${title}" button on the card: ${cardText(card).slice(0, 300)}`);
      const shown = Object.fromEntries(cardNodes(card).filter((n) => n.type?.startsWith('Input.') && n.id).map((n) => [n.id as string, n.value ?? '']));
      const place: Place = message.conversationId === info.channel.id ? 'channel' : 'personal';
      return post(
        activity(aad, place, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: message.id,
          value: { action: { type: 'Action.Execute', verb: action.verb, data: { ...action.data, ...shown, ...inputs } }, trigger: 'manual' },
        }),
      );
    },
    /** Waits for a message in the conversation whose text (or card text) matches. */
    async waitFor(conversationId: string, pattern: RegExp, timeoutMs = 10_000): Promise<ChatMessage> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = (await transcript(conversationId)).find((m) => pattern.test(m.text ?? '') || pattern.test(cardText(cardOf(m))));
        if (found) return found;
        if (Date.now() > deadline) {
          const seen = (await transcript(conversationId)).map((m) => (m.text ?? cardText(cardOf(m))).slice(0, 120));
          throw new Error(`nothing matching ${pattern} in ${conversationId} within ${timeoutMs} ms; saw:\n${seen.join('\n')}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    advanceClock: async (minutes: number) => {
      const response = await fetch(`${baseUrl}/playground/api/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceMinutes: minutes }) });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    slackView: async (body: { card?: unknown; text?: string }) => {
      const response = await fetch(`${baseUrl}/playground/api/slack`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      return { status: response.status, body: (await response.json()) as { surface?: string; payload?: Record<string, unknown>; message?: string } };
    },
  };
}
