// The Bot Connector the playground's bot talks to. Every activity the page sends carries this
// serviceUrl, so the Teams adapter's replies, card updates, new 1:1 chats and the outbox's
// proactive posts all arrive here, over HTTP, as they would arrive at Microsoft's connector; they
// go into the transcript, which pushes them to the page. The routes are the Bot Connector v3 REST
// API's (the ones botbuilder's ConnectorClient calls).
import express, { type Request, type Response } from 'express';
import { aadIdOf, baseConversationId, PLAYGROUND_CHANNEL, personalChatId, teamsUserId } from './ids.ts';
import type { Person } from './people.ts';
import type { ChatMessage, Transcript } from './transcript.ts';

export interface ConnectorOptions {
  transcript: Transcript;
  /** Everyone the playground knows: all are members of the board channel. */
  people: () => Promise<Person[]>;
  now: () => Date;
}

type Body = Record<string, unknown>;

const connectorError = (res: Response, status: number, code: string, message: string) => res.status(status).json({ error: { code, message } });

function contentOf(activity: Body): Pick<ChatMessage, 'text' | 'textFormat' | 'summary' | 'attachments'> {
  const attachments = Array.isArray(activity.attachments)
    ? (activity.attachments as Body[]).map((a) => ({ contentType: String(a.contentType ?? ''), content: a.content }))
    : undefined;
  return {
    ...(typeof activity.text === 'string' ? { text: activity.text } : {}),
    ...(typeof activity.textFormat === 'string' ? { textFormat: activity.textFormat } : {}),
    ...(typeof activity.summary === 'string' ? { summary: activity.summary } : {}),
    ...(attachments ? { attachments } : {}),
  };
}

export function connectorRouter(options: ConnectorOptions): express.Router {
  const { transcript, people, now } = options;
  const router = express.Router();
  router.use(express.json({ limit: '2mb' }));

  const memberOf = async (conversationId: string, userId?: string) => {
    const everyone = await people();
    const id = baseConversationId(conversationId);
    const inIt = id === PLAYGROUND_CHANNEL.id ? everyone : everyone.filter((p) => personalChatId(p.aadObjectId) === id);
    const accounts = inIt.map((p) => ({ id: teamsUserId(p.aadObjectId), aadObjectId: p.aadObjectId, name: p.name }));
    return userId === undefined ? accounts : accounts.filter((a) => a.id === userId || a.aadObjectId === aadIdOf(userId));
  };

  // A new conversation: the person's 1:1 chat, the same one each time (as Teams answers).
  router.post('/v3/conversations', (req: Request, res: Response) => {
    const body = (req.body ?? {}) as Body;
    const members = Array.isArray(body.members) ? (body.members as Body[]) : [];
    const only = members.length === 1 && body.isGroup !== true ? members[0]?.id : undefined;
    if (typeof only !== 'string') return connectorError(res, 400, 'BadArgument', 'The playground only starts 1:1 chats with one person.');
    res.status(201).json({ id: personalChatId(only) });
  });

  const post = (req: Request, res: Response) => {
    const activity = (req.body ?? {}) as Body;
    const conversationId = baseConversationId(String(req.params.conversationId));
    const id = transcript.newId();
    if (activity.type === 'message') {
      const from = (activity.from ?? {}) as Body;
      transcript.post({
        id,
        conversationId,
        from: { id: String(from.id ?? ''), name: String(from.name ?? 'Quorum'), bot: true },
        at: now().toISOString(),
        ...contentOf(activity),
      });
    }
    // Typing indicators and other non-messages are accepted and not shown.
    res.status(201).json({ id });
  };
  router.post('/v3/conversations/:conversationId/activities', post);
  router.post('/v3/conversations/:conversationId/activities/:activityId', post);

  router.put('/v3/conversations/:conversationId/activities/:activityId', (req: Request, res: Response) => {
    const conversationId = baseConversationId(String(req.params.conversationId));
    const activityId = String(req.params.activityId);
    const activity = (req.body ?? {}) as Body;
    const at = now().toISOString();
    // The chats start afresh when the service restarts, while the outbox still updates the cards
    // it posted before: such a card is shown again, updated, rather than lost.
    if (!transcript.update(conversationId, activityId, contentOf(activity), at)) {
      const from = (activity.from ?? {}) as Body;
      transcript.post({ id: activityId, conversationId, from: { id: String(from.id ?? ''), name: String(from.name ?? 'Quorum'), bot: true }, at, updatedAt: at, ...contentOf(activity) });
    }
    res.status(200).json({ id: activityId });
  });

  router.delete('/v3/conversations/:conversationId/activities/:activityId', (req: Request, res: Response) => {
    transcript.delete(baseConversationId(String(req.params.conversationId)), String(req.params.activityId));
    res.status(200).end();
  });

  router.get('/v3/conversations/:conversationId/members', async (req: Request, res: Response) => {
    res.json(await memberOf(String(req.params.conversationId)));
  });
  router.get('/v3/conversations/:conversationId/members/:userId', async (req: Request, res: Response) => {
    const [member] = await memberOf(String(req.params.conversationId), String(req.params.userId));
    if (!member) return connectorError(res, 404, 'MemberNotFoundInConversation', 'The member is not in this conversation.');
    res.json(member);
  });

  router.use((req: Request, res: Response) => connectorError(res, 404, 'NotFound', `The playground's connector has no ${req.method} ${req.path}`));
  return router;
}
