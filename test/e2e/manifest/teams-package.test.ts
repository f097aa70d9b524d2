// The Teams app package: built into a temporary folder, read back, and checked the way Teams
// reads it (manifest.json and the two icons at the root of the zip). Also runs the command
// line as `npm run package:teams` does, for the flags, the environment fall-back and the exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { TEAMS_DIR, validateTeamsManifest, writeTeamsPackage } from '../../../scripts/teams-package.ts';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const BASE_URL = 'https://quorum.example.org';
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const temp = mkdtempSync(join(tmpdir(), 'quorum-teams-package-'));

afterAll(() => rmSync(temp, { recursive: true, force: true }));

function readZip(file: string): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(file)));
}

describe('Teams app package', () => {
  it('zips manifest.json, color.png and outline.png at the root', async () => {
    const outFile = join(temp, 'quorum-teams.zip');
    const { file } = await writeTeamsPackage({ appId: APP_ID, baseUrl: BASE_URL, outFile });
    expect(file).toBe(outFile);

    const entries = readZip(outFile);
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as {
      id: string;
      bots: { botId: string }[];
    };
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots[0]!.botId).toBe(APP_ID);
    expect(await validateTeamsManifest(manifest)).toEqual([]);

    expect(Buffer.from(entries['color.png']!).equals(readFileSync(join(TEAMS_DIR, 'color.png')))).toBe(true);
    expect(Buffer.from(entries['outline.png']!).equals(readFileSync(join(TEAMS_DIR, 'outline.png')))).toBe(true);
  });

  it('gives the same bytes for the same inputs', async () => {
    const a = join(temp, 'a.zip');
    const b = join(temp, 'b.zip');
    await writeTeamsPackage({ appId: APP_ID, baseUrl: BASE_URL, outFile: a });
    await writeTeamsPackage({ appId: APP_ID, baseUrl: BASE_URL, outFile: b });
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
  });

  it('writes no package when the inputs are wrong', async () => {
    const outFile = join(temp, 'never.zip');
    await expect(writeTeamsPackage({ appId: undefined, baseUrl: BASE_URL, outFile })).rejects.toThrow('Set MICROSOFT_APP_ID (or --app-id)');
    expect(() => readFileSync(outFile)).toThrow();
  });

  describe('npm run package:teams', () => {
    const run = (args: string[], env: Record<string, string | undefined>) => {
      // A clean environment: only what the test passes, so a MICROSOFT_APP_ID or PUBLIC_BASE_URL
      // set where the tests run cannot leak in.
      return spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/package-teams.ts'), ...args], {
        cwd: ROOT,
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
    };

    it('builds from flags', () => {
      const outFile = join(temp, 'flags.zip');
      const result = run(['--app-id', APP_ID, '--base-url', BASE_URL, '--out', outFile], {});
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('Teams manifest 1.30');
      expect(Object.keys(readZip(outFile)).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    });

    it('falls back to MICROSOFT_APP_ID and PUBLIC_BASE_URL', () => {
      const outFile = join(temp, 'env.zip');
      const appId = '12345678-9abc-4def-8123-456789abcdef';
      const result = run(['--out', outFile, '--app-version', '2.3.4'], { MICROSOFT_APP_ID: appId, PUBLIC_BASE_URL: BASE_URL });
      expect(result.status).toBe(0);
      const manifest = JSON.parse(new TextDecoder().decode(readZip(outFile)['manifest.json'])) as { id: string; version: string };
      expect(manifest).toMatchObject({ id: appId, version: '2.3.4' });
    });

    it('exits non-zero saying what to set when the app id is missing', () => {
      const result = run(['--base-url', BASE_URL, '--out', join(temp, 'missing.zip')], {});
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("Set MICROSOFT_APP_ID (or --app-id) to the bot's Microsoft App ID (a GUID)");
    });
  });
});
