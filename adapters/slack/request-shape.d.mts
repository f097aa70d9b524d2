export type SlackRequestKind = 'event' | 'command' | 'action' | 'view' | 'shortcut' | 'ignored';

export type SlackRequestShape = { ok: true; kind: SlackRequestKind } | { ok: false; reason: string };

/** Reads a signed, parsed request body: which kind it is, or why it cannot be handled. */
export declare function readSlackRequest(body: unknown): SlackRequestShape;
