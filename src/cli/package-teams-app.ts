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
const baseUrl = toBaseUrl(process.env.PUBLIC_BASE_URL?.trim());

const manifest = JSON.parse(
  await readFile(path.join(manifestDir, 'manifest.json'), 'utf8'),
) as TeamsManifest;
manifest.id = appId;
manifest.bots = manifest.bots.map((bot) => ({ ...bot, botId: appId }));
manifest.validDomains = [baseUrl.host];
// The app serves no privacy or terms pages of its own; edit the manifest to point at yours.
manifest.developer = {
  ...manifest.developer,
  websiteUrl: baseUrl.origin,
  privacyUrl: manifest.developer.privacyUrl.replace('https://profile.example.com', baseUrl.origin),
  termsOfUseUrl: manifest.developer.termsOfUseUrl.replace(
    'https://profile.example.com',
    baseUrl.origin,
  ),
};

const zip = new JSZip();
zip.file('manifest.json', JSON.stringify(manifest, null, 2));
for (const icon of ['color.png', 'outline.png']) {
  zip.file(icon, await readFile(path.join(manifestDir, icon)));
}
await mkdir(path.dirname(output), { recursive: true });
await writeFile(output, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
console.log(`Teams app package written to ${path.relative(process.cwd(), output)}`);

/** PUBLIC_BASE_URL, which Teams needs to be https on a public host. */
function toBaseUrl(value: string | undefined): URL {
  if (!value) {
    console.error('Set PUBLIC_BASE_URL to the https address Teams reaches the app at.');
    process.exit(2);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    console.error(`PUBLIC_BASE_URL is not a URL: ${value}`);
    process.exit(2);
  }
  if (url.protocol !== 'https:') {
    console.warn(`Warning: Teams accepts only https; PUBLIC_BASE_URL is ${url.origin}.`);
  }
  return url;
}
