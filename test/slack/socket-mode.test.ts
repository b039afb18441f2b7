/**
 * Socket Mode: the app opens a WebSocket to the address Slack's apps.connections.open gives,
 * here a local server that speaks Slack's Socket Mode protocol.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { OTHER_WORKSPACE_TEXT } from '../../src/slack/workspace-guard.js';
import { SlackRecorder } from '../support/slack-recorder.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Slack in Socket Mode', () => {
  const slack = new SlackRecorder();
  let sockets: WebSocketServer;
  let connected: Promise<WebSocket>;
  let app: TestApp;

  beforeAll(async () => {
    await slack.start();
    sockets = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => sockets.once('listening', resolve));
    connected = new Promise((resolve) => {
      sockets.on('connection', (socket) => {
        socket.send(JSON.stringify({ type: 'hello', num_connections: 1 }));
        resolve(socket);
      });
    });
    const { port } = sockets.address() as AddressInfo;
    slack.answers.set('/api/apps.connections.open', { ok: true, url: `ws://127.0.0.1:${port}/` });
    slack.users.set('U0SOCK', { id: 'U0SOCK', name: 'sock', realName: 'Sock', email: null });
    app = await startTestApp({
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_APP_TOKEN: 'xapp-1-test-token',
      SLACK_API_URL: slack.apiUrl,
    });
  });
  afterAll(async () => {
    await app?.stop();
    sockets.close();
    await slack.stop();
  });

  it('acknowledges a slash command over the socket and answers through response_url', async () => {
    const socket = await connected;
    const acknowledged = new Promise<Record<string, unknown>>((resolve) =>
      socket.on('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)),
    );

    socket.send(
      JSON.stringify({
        envelope_id: 'envelope-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: 'T0TEST',
          user_id: 'U0SOCK',
          user_name: 'sock',
          command: '/mendix',
          text: 'profile',
          response_url: slack.responseUrl('socket-profile'),
          trigger_id: '1.2.3',
          channel_id: 'C0GENERAL',
          api_app_id: 'A0APP',
        },
      }),
    );

    expect(await acknowledged).toMatchObject({ envelope_id: 'envelope-1' });
    const answer = (await slack.waitFor('/respond/socket-profile')).body as { text: string };
    expect(answer.text).toBe('Sock: level 0, 0 points');
  });

  it('refuses a command of another workspace in its acknowledgement, storing nothing', async () => {
    const socket = await connected;
    const acknowledged = new Promise<Record<string, unknown>>((resolve) =>
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as Record<string, unknown>;
        if (message.envelope_id === 'envelope-other') resolve(message);
      }),
    );

    socket.send(
      JSON.stringify({
        envelope_id: 'envelope-other',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: {
          team_id: 'TOTHER',
          user_id: 'U0STRANGER',
          user_name: 'stranger',
          command: '/mendix',
          text: 'profile',
          response_url: slack.responseUrl('socket-other'),
          trigger_id: '1.2.4',
          channel_id: 'C0GENERAL',
          api_app_id: 'A0APP',
        },
      }),
    );

    expect(await acknowledged).toMatchObject({
      payload: { response_type: 'ephemeral', text: OTHER_WORKSPACE_TEXT },
    });
    expect(slack.callsTo('/respond/socket-other')).toHaveLength(0);
    const { members } = app.database.collections;
    expect(await members.countDocuments({ tenant: 'slack:TOTHER' })).toBe(0);
  });

  it('serves no Slack endpoint over HTTP in Socket Mode', async () => {
    const response = await fetch(`${app.baseUrl}/slack/events`, { method: 'POST', body: '{}' });

    expect(response.status).toBe(404);
  });
});
