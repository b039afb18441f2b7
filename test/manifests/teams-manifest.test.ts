import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AjvDraft04 from 'ajv-draft-04';
import AjvFormats from 'ajv-formats';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { COMMAND_HELP } from '../../src/core/commands/grammar.js';
import { PROJECT_DIR } from '../../src/db/database.js';

const run = promisify(execFile);
const MANIFEST_DIR = path.join(PROJECT_DIR, 'manifests', 'teams');

async function readManifest(): Promise<Record<string, unknown> & { manifestVersion: string }> {
  return JSON.parse(await readFile(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8'));
}

/** Validates against the schema of the declared version, from the package, never fetched. */
async function validate(manifest: { manifestVersion: string }) {
  const schemaPath = path.join(
    PROJECT_DIR,
    'node_modules/@microsoft/app-manifest/build/json-schemas/teams',
    `v${manifest.manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  const schema = JSON.parse(await readFile(schemaPath, 'utf8')) as object;
  // Both packages are CommonJS; their classes are the `default` of the module.
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
  AjvFormats.default(ajv);
  const valid = ajv.validate(schema, manifest);
  return valid ? [] : (ajv.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** Width, height and colour type from a PNG's header. */
function readPngHeader(png: Buffer) {
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png[25] };
}

describe('the Teams app manifest', () => {
  it('is valid against the Teams manifest schema of the version it declares', async () => {
    const manifest = await readManifest();

    expect(manifest.$schema).toContain(`/v${manifest.manifestVersion}/`);
    expect(await validate(manifest)).toEqual([]);
  });

  it('would be refused with a command title over 32 characters or an unknown field', async () => {
    const manifest = await readManifest();
    const broken = structuredClone(manifest) as typeof manifest & {
      bots: { commandLists: { commands: { title: string }[] }[] }[];
    };
    broken.bots[0]!.commandLists[0]!.commands[0]!.title = 'a'.repeat(33);
    (broken as Record<string, unknown>).colour = 'blue';

    expect(await validate(broken)).toHaveLength(2);
  });

  it('suggests only commands of the shared grammar in each scope, help among them', async () => {
    const manifest = (await readManifest()) as unknown as {
      bots: { commandLists: { commands: { title: string }[] }[] }[];
    };
    const known = COMMAND_HELP.map((command) => command.name);

    // Teams shows at most ten suggestions a list; `help` lists the rest.
    for (const list of manifest.bots[0]!.commandLists) {
      const titles = list.commands.map((command) => command.title);
      expect(titles.length).toBeLessThanOrEqual(10);
      expect(titles).toContain('help');
      expect(titles.filter((title) => !known.includes(title as never))).toEqual([]);
    }
  });

  it('ships a 192×192 colour icon and a 32×32 outline icon with transparency', async () => {
    const color = readPngHeader(await readFile(path.join(MANIFEST_DIR, 'color.png')));
    const outline = readPngHeader(await readFile(path.join(MANIFEST_DIR, 'outline.png')));

    expect(color).toMatchObject({ width: 192, height: 192 });
    expect(outline).toMatchObject({ width: 32, height: 32, colorType: 6 });
  });

  it('is packaged with the app id and domain filled in, still valid', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'teams-package-'));
    const appId = '3f1c2a9e-5b7d-4c1e-9a2b-0d4e6f8a1b2c';
    try {
      await run(process.execPath, ['--import', 'tsx', 'src/cli/package-teams-app.ts'], {
        cwd: PROJECT_DIR,
        env: { ...process.env, MicrosoftAppId: appId, PUBLIC_BASE_URL: 'https://bot.contoso.com' },
      });
      const zip = await JSZip.loadAsync(
        await readFile(path.join(PROJECT_DIR, 'dist', 'teams-app.zip')),
      );
      const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));

      expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
      expect(manifest).toMatchObject({
        id: appId,
        bots: [{ botId: appId }],
        validDomains: ['bot.contoso.com'],
      });
      expect(await validate(manifest)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
