// The reference every bench compares Quorum with: a bare Bolt app that only acks Quorum's slash
// command and any button, on the same receiver Quorum uses (Express, signed requests verified).
import type { Server } from 'node:http';

export async function startBareBolt(signingSecret: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const { App, ExpressReceiver } = await import('@slack/bolt');
  const { default: express } = await import('express');
  const receiver = new ExpressReceiver({ signingSecret, endpoints: '/slack/events', processBeforeResponse: false });
  const app = new App({ receiver, authorize: async () => ({ botToken: 'xoxb-bare' }) });
  app.action(/.*/, async ({ ack }) => ack());
  app.command('/quorum', async ({ ack }) => ack());
  const server = await new Promise<Server>((resolve) => {
    const s = express().use(receiver.router).listen(0, '127.0.0.1', () => resolve(s));
  });
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
