// npm run package:teams -- --app-id <GUID> --base-url https://quorum.example.org
// Builds manifest/build/quorum-teams.zip, the Teams app package to upload. Each flag falls back
// to the environment variable the service itself uses (MICROSOFT_APP_ID, PUBLIC_BASE_URL).
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { TeamsPackageError, writeTeamsPackage } from './teams-package.ts';

const USAGE = `Usage: npm run package:teams -- [--app-id <GUID>] [--base-url <https URL>] [--app-version <x.y.z>] [--out <file.zip>]

  --app-id       the bot's Microsoft App ID (default: $MICROSOFT_APP_ID)
  --base-url     the https address the service is reachable at (default: $PUBLIC_BASE_URL)
  --app-version  the Teams app version; raise it for every update (default: package.json's version)
  --out          where to write the zip (default: manifest/build/quorum-teams.zip)`;

async function main(): Promise<number> {
  let flags;
  try {
    flags = parseArgs({
      options: {
        'app-id': { type: 'string' },
        'base-url': { type: 'string' },
        'app-version': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (flags.help) {
    console.log(USAGE);
    return 0;
  }

  try {
    const { file, manifest } = await writeTeamsPackage({
      // A build tool, not the service: src/config.ts is for the running service, and this script
      // takes the same variables only as fall-backs for its command-line flags.
      // eslint-disable-next-line no-restricted-syntax -- build script: flag falls back to the service's own variable
      appId: flags['app-id'] ?? process.env.MICROSOFT_APP_ID,
      // eslint-disable-next-line no-restricted-syntax -- build script: flag falls back to the service's own variable
      baseUrl: flags['base-url'] ?? process.env.PUBLIC_BASE_URL,
      appVersion: flags['app-version'],
      outFile: flags.out,
    });
    console.log(
      `Wrote ${relative(process.cwd(), file) || file}: Teams manifest ${String(manifest.manifestVersion)}, app ${String(manifest.id)} version ${String(manifest.version)}.\n` +
        'Upload it in Teams (Apps > Manage your apps > Upload an app), the Teams Developer Portal, or the Teams admin centre.',
    );
    return 0;
  } catch (error) {
    if (error instanceof TeamsPackageError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
