// Tolerant reading of ModernGov's XML once fast-xml-parser has turned it into plain objects:
// element names are lower-cased at parse time, a repeated element may come as one object or an
// array, and a value may be a string, a number, an object with "#text" (when it has
// attributes) or missing altogether.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  removeNSPrefix: true,
  transformTagName: (name) => name.toLowerCase(),
  transformAttributeName: (name) => name.toLowerCase(),
  processEntities: true,
  htmlEntities: true,
});

export type ParsedXml = { ok: true; root: XmlNode } | { ok: false; message: string };

/** Validates, then parses. The message of a failure names the line, for the person reading it. */
export function parseXml(xml: string): ParsedXml {
  const trimmed = xml.replace(/^\uFEFF/, '').trim();
  if (!trimmed.startsWith('<')) return { ok: false, message: 'it is not XML' };
  const valid = XMLValidator.validate(trimmed);
  if (valid !== true) return { ok: false, message: `${valid.err.msg} (line ${valid.err.line})` };
  const root: unknown = parser.parse(trimmed);
  return root && typeof root === 'object' ? { ok: true, root: root as XmlNode } : { ok: false, message: 'it is empty' };
}

export const isNode = (value: unknown): value is XmlNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every child element of that name, as a list whether there was one or many. */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((v) => (isNode(v) ? v : { '#text': v }));
}

const asText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (isNode(value)) return asText(value['#text']);
  if (Array.isArray(value)) return asText(value[0]);
  return undefined;
};

/** The text of the first of these child elements (or attributes, "@_name") that has any. */
export function text(node: XmlNode | undefined, ...names: string[]): string | undefined {
  if (!node) return undefined;
  for (const name of names) {
    const found = asText(node[name]);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** ModernGov writes flags as "True"/"False"; other services use "true", "1", "yes". */
export function flag(node: XmlNode | undefined, ...names: string[]): boolean | undefined {
  const value = text(node, ...names);
  if (value === undefined) return undefined;
  if (/^(true|1|yes|y)$/i.test(value)) return true;
  if (/^(false|0|no|n)$/i.test(value)) return false;
  return undefined;
}

/** The first element of that name at any depth, breadth first (so the outermost wins). */
export function findFirst(root: XmlNode, name: string): XmlNode | undefined {
  const queue: XmlNode[] = [root];
  while (queue.length > 0) {
    const node = queue.shift() as XmlNode;
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('@_') || key === '#text') continue;
      const list = Array.isArray(value) ? value : [value];
      if (key === name) {
        const first = list.find(isNode) ?? (list[0] !== undefined && list[0] !== '' ? { '#text': list[0] } : {});
        return first;
      }
      for (const v of list) if (isNode(v)) queue.push(v);
    }
  }
  return undefined;
}
