import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_DIR } from '../../src/db/database.js';
import { SLASH_COMMAND } from '../../src/slack/mendix-command.js';
import { SLACK_EVENTS_PATH } from '../../src/slack/slack-app.js';

interface SlackManifest {
  _metadata: { major_version: number };
  display_information: { name: string; description: string; long_description: string };
  features: {
    app_home: { home_tab_enabled: boolean };
    bot_user: { display_name: string };
    slash_commands: { command: string; url: string; description: string; should_escape: boolean }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

async function readManifest(): Promise<SlackManifest> {
  const text = await readFile(
    path.join(PROJECT_DIR, 'manifests', 'slack', 'manifest.yaml'),
    'utf8',
  );
  return parse(text) as SlackManifest;
}

describe('the Slack app manifest', () => {
  it('declares the slash command, escaping mentions so that they arrive as user ids', async () => {
    const manifest = await readManifest();

    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({ command: SLASH_COMMAND, should_escape: true }),
    ]);
  });

  it('sends commands, events and interactions to the path the app listens on', async () => {
    const manifest = await readManifest();
    const urls = [
      manifest.features.slash_commands[0]!.url,
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];

    expect(urls.map((url) => new URL(url).pathname)).toEqual([
      SLACK_EVENTS_PATH,
      SLACK_EVENTS_PATH,
      SLACK_EVENTS_PATH,
    ]);
  });

  it('asks for exactly the scopes the app uses and subscribes to the events it handles', async () => {
    const manifest = await readManifest();

    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'chat:write',
      'commands',
      'users:read',
      'users:read.email',
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_home_opened']);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it('stays within the lengths Slack accepts for names and descriptions', async () => {
    const manifest = await readManifest();

    expect(manifest._metadata.major_version).toBe(1);
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    const longDescription = manifest.display_information.long_description.length;
    expect(longDescription).toBeGreaterThanOrEqual(175);
    expect(longDescription).toBeLessThanOrEqual(4000);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    expect(manifest.features.slash_commands[0]!.description.length).toBeLessThanOrEqual(100);
  });
});
