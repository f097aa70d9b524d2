// What has been said in the playground's conversations: the board channel and each person's chat.
// Kept in memory (a restart starts the chats afresh; the board's data is in the database) and
// pushed to every open page as it changes.

export interface ChatMessage {
  id: string;
  conversationId: string;
  from: { id: string; name: string; bot: boolean };
  /** Plain text or the card's fallback. */
  text?: string;
  textFormat?: string;
  summary?: string;
  attachments?: { contentType: string; content?: unknown }[];
  /** ISO time by the playground's clock. */
  at: string;
  /** Set when the card was replaced in place. */
  updatedAt?: string;
}

export type TranscriptEvent =
  | { kind: 'post'; message: ChatMessage }
  | { kind: 'update'; message: ChatMessage }
  | { kind: 'delete'; conversationId: string; id: string }
  /** Everything was cleared (the demo was reset): the page starts again. */
  | { kind: 'reset' };

/** At most this many messages are kept per conversation (the oldest go first). */
const MAX_PER_CONVERSATION = 500;

export class Transcript {
  private readonly conversations = new Map<string, ChatMessage[]>();
  private readonly listeners = new Set<(event: TranscriptEvent) => void>();
  private nextId = 1;

  newId(): string {
    return `pg-${Date.now().toString(36)}-${(this.nextId++).toString(36)}`;
  }

  messages(conversationId?: string): ChatMessage[] {
    if (conversationId) return [...(this.conversations.get(conversationId) ?? [])];
    return [...this.conversations.values()].flat();
  }

  post(message: ChatMessage): void {
    const list = this.conversations.get(message.conversationId) ?? [];
    list.push(message);
    if (list.length > MAX_PER_CONVERSATION) list.splice(0, list.length - MAX_PER_CONVERSATION);
    this.conversations.set(message.conversationId, list);
    this.emit({ kind: 'post', message });
  }

  /** Replaces a message's content in place; false when there is no such message. */
  update(conversationId: string, id: string, content: Pick<ChatMessage, 'text' | 'textFormat' | 'summary' | 'attachments'>, at: string): boolean {
    const list = this.conversations.get(conversationId) ?? [];
    const index = list.findIndex((m) => m.id === id);
    const existing = list[index];
    if (!existing) return false;
    const message: ChatMessage = { id, conversationId, from: existing.from, at: existing.at, updatedAt: at, ...content };
    list[index] = message;
    this.emit({ kind: 'update', message });
    return true;
  }

  delete(conversationId: string, id: string): boolean {
    const list = this.conversations.get(conversationId) ?? [];
    const index = list.findIndex((m) => m.id === id);
    if (index < 0) return false;
    list.splice(index, 1);
    this.emit({ kind: 'delete', conversationId, id });
    return true;
  }

  clear(): void {
    this.conversations.clear();
    this.emit({ kind: 'reset' });
  }

  subscribe(listener: (event: TranscriptEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private emit(event: TranscriptEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}
