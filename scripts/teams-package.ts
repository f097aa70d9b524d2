// Builds the Teams app package: fills manifest/teams/manifest.template.json, validates the result
// against Microsoft's official Teams manifest schema (the copy bundled in @microsoft/app-manifest,
// read from disk: nothing is fetched), and zips manifest.json, color.png and outline.png at the
// root of the archive, which is what Teams (Developer Portal, "Upload a custom app", Teams admin
// centre) accepts. `npm run package:teams` (scripts/package-teams.ts) is the command line.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';
import { z } from 'zod';

export const TEAMS_DIR = fileURLToPath(new URL('../manifest/teams/', import.meta.url));
export const TEMPLATE_FILE = `${TEAMS_DIR}manifest.template.json`;
export const DEFAULT_OUTPUT_FILE = fileURLToPath(new URL('../manifest/build/quorum-teams.zip', import.meta.url));
const PACKAGE_JSON_FILE = fileURLToPath(new URL('../package.json', import.meta.url));

/** Sizes Microsoft requires of the two icons the manifest names. */
export const ICON_SIZES = { color: 192, outline: 32 } as const;

/** Fixed timestamp for the zip entries, so the same inputs always give the same bytes. */
const ZIP_ENTRY_TIME = new Date(Date.UTC(2024, 0, 1));

/** A problem with the inputs or the result, worded for the person running the command. */
export class TeamsPackageError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(problems.length > 0 ? `${message}\n${problems.map((p) => `  - ${p}`).join('\n')}` : message);
    this.name = 'TeamsPackageError';
  }
}

export interface TeamsManifestInput {
  /** The bot's Microsoft App ID (the Azure app registration's client id): a GUID. */
  appId: string | undefined;
  /** Where the service is reachable over https, e.g. https://quorum.example.org. */
  baseUrl: string | undefined;
  /** The app version (semver); defaults to package.json's. Teams wants it raised on every update. */
  appVersion?: string | undefined;
}

const inputSchema = z.object({
  appId: z
    .string({ error: "Set MICROSOFT_APP_ID (or --app-id) to the bot's Microsoft App ID (a GUID)" })
    .trim()
    .pipe(z.guid({ error: "MICROSOFT_APP_ID (--app-id) must be the bot's Microsoft App ID, a GUID such as 00000000-0000-0000-0000-000000000000" })),
  baseUrl: z
    .string({ error: 'Set PUBLIC_BASE_URL (or --base-url) to the https address the service is reachable at, e.g. https://quorum.example.org' })
    .trim()
    .pipe(
      z.url({
        protocol: /^https$/,
        error: 'PUBLIC_BASE_URL (--base-url) must be an https URL such as https://quorum.example.org (Teams only talks to https)',
      }),
    )
    .transform((value) => value.replace(/\/+$/, '')),
  appVersion: z
    .string()
    .regex(/^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/, { error: 'the app version must be MAJOR.MINOR.PATCH, e.g. 1.2.0' })
    .optional(),
});

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type TeamsManifest = { [key: string]: Json };

/** Reads and checks the inputs; throws TeamsPackageError naming the flag or variable to fix. */
export function resolveInput(input: TeamsManifestInput): { appId: string; baseUrl: string; appVersion: string } {
  const parsed = inputSchema.safeParse({
    appId: emptyToUndefined(input.appId),
    baseUrl: emptyToUndefined(input.baseUrl),
    appVersion: emptyToUndefined(input.appVersion),
  });
  if (!parsed.success) {
    throw new TeamsPackageError(
      'Cannot build the Teams app package:',
      parsed.error.issues.map((issue) => issue.message),
    );
  }
  return { ...parsed.data, appVersion: parsed.data.appVersion ?? packageVersion() };
}

/** Fills the template. Does not validate against the schema: see validateTeamsManifest. */
export function buildTeamsManifest(input: TeamsManifestInput): TeamsManifest {
  const { appId, baseUrl, appVersion } = resolveInput(input);
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: appId,
    PUBLIC_BASE_URL: baseUrl,
    PUBLIC_HOSTNAME: new URL(baseUrl).hostname,
    APP_VERSION: appVersion,
  };
  const template = JSON.parse(readFileSync(TEMPLATE_FILE, 'utf8')) as TeamsManifest;
  const unknown = new Set<string>();
  // Substitute inside string values only (never in the JSON text), so a value can't break the JSON.
  const fill = (node: Json): Json => {
    if (typeof node === 'string') {
      return node.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (whole, name: string) => {
        const value = values[name];
        if (value === undefined) unknown.add(name);
        return value ?? whole;
      });
    }
    if (Array.isArray(node)) return node.map(fill);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, fill(value)]));
    }
    return node;
  };
  const manifest = fill(template) as TeamsManifest;
  if (unknown.size > 0) {
    throw new TeamsPackageError(`${TEMPLATE_FILE} uses placeholders this script does not fill:`, [...unknown].map((n) => `\${{${n}}}`));
  }
  return manifest;
}

const require = createRequire(import.meta.url);

/** Path of the bundled official schema for a manifest version, e.g. "1.30". */
export function teamsSchemaFile(manifestVersion: string): string {
  if (!/^(\d+\.\d+|devPreview)$/.test(manifestVersion)) {
    throw new TeamsPackageError(`manifestVersion: "${manifestVersion}" is not a Teams manifest schema version such as 1.30`);
  }
  try {
    return require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.schema.json`);
  } catch {
    throw new TeamsPackageError(
      `manifestVersion: @microsoft/app-manifest has no bundled schema for Teams manifest version ${manifestVersion}; use one it bundles (see node_modules/@microsoft/app-manifest/build/json-schemas/teams/)`,
    );
  }
}

const schemaCache = new Map<string, object>();

/** The official schema for that version, read from the package on disk (never fetched). */
export function loadTeamsSchema(manifestVersion: string): object {
  let schema = schemaCache.get(manifestVersion);
  if (!schema) {
    // The same clean-up @microsoft/app-manifest applies to schema text: some versions contain
    // the escapes \a and \v, which JSON does not allow.
    const text = readFileSync(teamsSchemaFile(manifestVersion), 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
    schema = JSON.parse(text) as object;
    schemaCache.set(manifestVersion, schema);
  }
  return schema;
}

/**
 * Validates a manifest against the official schema of its manifestVersion, offline. Returns one
 * line per problem, each naming the field ("bots[0].botId: is required"); empty when valid.
 */
export async function validateTeamsManifest(manifest: unknown): Promise<string[]> {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) return ['(root): must be a JSON object'];
  const version = (manifest as { manifestVersion?: unknown }).manifestVersion;
  if (typeof version !== 'string') return ['manifestVersion: is required (a string such as "1.30")'];
  const schema = loadTeamsSchema(version);
  // Passing the schema means the package never looks for it on the network.
  const raw = await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never);
  return raw.map(describeSchemaError);
}

/** Turns the package's "/bots/0 must have required property 'botId'. Details: {...}" into "bots[0].botId: is required". */
function describeSchemaError(line: string): string {
  const match = /^(\S*) (.*?)\. Details: (.*)$/s.exec(line);
  if (!match) return line;
  const [, pointer = '', message = '', detailsText = ''] = match;
  let details: Record<string, unknown> = {};
  try {
    details = JSON.parse(detailsText) as Record<string, unknown>;
  } catch {
    // keep the message without details
  }
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let text = message;
  if (typeof details.missingProperty === 'string') {
    segments.push(details.missingProperty);
    text = 'is required';
  } else if (typeof details.additionalProperty === 'string') {
    segments.push(details.additionalProperty);
    text = 'is not allowed here';
  } else if (Array.isArray(details.allowedValues)) {
    text = `${message}: ${details.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  const field = segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path ? `${path}.${s}` : s), '');
  return `${field || '(root)'}: ${text}`;
}

/** Width and height from a PNG's IHDR chunk; throws if the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array, name: string): { width: number; height: number } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signature = '89504e470d0a1a0a';
  if (buffer.length < 24 || buffer.subarray(0, 8).toString('hex') !== signature || buffer.subarray(12, 16).toString('ascii') !== 'IHDR') {
    throw new TeamsPackageError(`${name} is not a PNG file`);
  }
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

function readIcon(manifest: TeamsManifest, kind: keyof typeof ICON_SIZES): { name: string; bytes: Uint8Array } {
  const icons = manifest.icons as Record<string, unknown> | undefined;
  const name = icons?.[kind];
  if (typeof name !== 'string' || name.includes('/') || name.includes('\\')) {
    throw new TeamsPackageError(`icons.${kind}: expected a file name in manifest/teams/, got ${JSON.stringify(name)}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(`${TEAMS_DIR}${name}`);
  } catch {
    throw new TeamsPackageError(`icons.${kind}: ${TEAMS_DIR}${name} is missing: the icons are committed assets; restore it from git`);
  }
  const { width, height } = pngSize(bytes, `icons.${kind} (${name})`);
  const size = ICON_SIZES[kind];
  if (width !== size || height !== size) {
    throw new TeamsPackageError(`icons.${kind}: ${name} is ${width}×${height}; Teams requires ${size}×${size}`);
  }
  return { name, bytes };
}

/** The package's bytes: manifest.json and the two icons at the root of a zip. */
export function zipTeamsPackage(manifest: TeamsManifest): Uint8Array {
  const color = readIcon(manifest, 'color');
  const outline = readIcon(manifest, 'outline');
  const entry = (data: Uint8Array) => [data, { mtime: ZIP_ENTRY_TIME }] as [Uint8Array, { mtime: Date }];
  return zipSync(
    {
      'manifest.json': entry(new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`)),
      [color.name]: entry(color.bytes),
      [outline.name]: entry(outline.bytes),
    },
    { level: 9 },
  );
}

export interface WriteTeamsPackageOptions extends TeamsManifestInput {
  /** Where to write the zip; defaults to manifest/build/quorum-teams.zip. */
  outFile?: string | undefined;
}

/** Fills, validates and zips. Throws TeamsPackageError (listing every schema problem) if invalid. */
export async function writeTeamsPackage(options: WriteTeamsPackageOptions): Promise<{ file: string; manifest: TeamsManifest }> {
  const manifest = buildTeamsManifest(options);
  const problems = await validateTeamsManifest(manifest);
  if (problems.length > 0) {
    throw new TeamsPackageError(
      `The Teams manifest does not match Microsoft's schema for version ${String(manifest.manifestVersion)} (fix ${TEMPLATE_FILE}):`,
      problems,
    );
  }
  const bytes = zipTeamsPackage(manifest);
  const file = options.outFile ?? DEFAULT_OUTPUT_FILE;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  return { file, manifest };
}

function packageVersion(): string {
  const { version } = JSON.parse(readFileSync(PACKAGE_JSON_FILE, 'utf8')) as { version?: string };
  if (!version) throw new TeamsPackageError('package.json has no version; pass --app-version');
  return version;
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
