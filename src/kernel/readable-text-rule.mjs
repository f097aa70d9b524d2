// The readable-text rule (readable-text.ts says why) in plain JavaScript: the HTTP front door's
// worker thread reads Slack requests with it (adapters/slack/request-shape.mjs) without the
// TypeScript loader.

// With the u flag a surrogate pair is one code point above U+FFFF, so the range matches only
// surrogates standing alone.
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNREADABLE = /[\u0000\uD800-\uDFFF]/u;

/** @param {string} text */
export const isReadableText = (text) => !UNREADABLE.test(text);
