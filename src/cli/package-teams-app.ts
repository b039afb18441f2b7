/**
 * `npm run teams:package`: zips the Teams app package (manifest and icons) for upload, with the
 * bot's app id from MicrosoftAppId and the domain of PUBLIC_BASE_URL filled in.
 */
import { config as loadDotenv } from 'dotenv';
import JSZip from 'jszip';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_DIR } from '../db/database.js';

loadDotenv({ quiet: true });

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const manifestDir = path.join(PROJECT_DIR, 'manifests', 'teams');
const output = path.join(PROJECT_DIR, 'dist', 'teams-app.zip');

interface TeamsManifest {
  id: string;
  developer: { name: string; websiteUrl: string; privacyUrl: string; termsOfUseUrl: string };
  bots: { botId: string }[];
  validDomains: string[];
}

const appId = process.env.MicrosoftAppId?.trim() ?? '';
if (!GUID.test(appId)) {
  console.error('Set MicrosoftAppId to the Azure Bot app id (a GUID) to package the Teams app.');
  process.exit(2);
}
const baseUrl = new URL(process.env.PUBLIC_BASE_URL?.trim() || 'https://profile.example.com');

const manifest = JSON.parse(
  await readFile(path.join(manifestDir, 'manifest.json'), 'utf8'),
) as TeamsManifest;
manifest.id = appId;
manifest.bots = manifest.bots.map((bot) => ({ ...bot, botId: appId }));
manifest.validDomains = [baseUrl.host];
manifest.developer = {
  ...manifest.developer,
  websiteUrl: baseUrl.origin,
  privacyUrl: `${baseUrl.origin}/privacy`,
  termsOfUseUrl: `${baseUrl.origin}/terms`,
};

const zip = new JSZip();
zip.file('manifest.json', JSON.stringify(manifest, null, 2));
for (const icon of ['color.png', 'outline.png']) {
  zip.file(icon, await readFile(path.join(manifestDir, icon)));
}
await mkdir(path.dirname(output), { recursive: true });
await writeFile(output, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
console.log(`Teams app package written to ${path.relative(process.cwd(), output)}`);
