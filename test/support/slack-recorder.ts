/**
 * A local HTTP server standing in for Slack: Bolt's Web API client calls it (`slackApiUrl`)
 * and the app posts command answers to it (`response_url`). It records every call.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedCall {
  path: string;
  body: Record<string, unknown>;
  /** The bearer token the call carried, if any. */
  token: string | null;
}

export interface SlackUser {
  id: string;
  name: string;
  realName: string;
  email: string | null;
  /** Whether Slack reports the user as a workspace admin. */
  admin?: boolean;
}

/** A message in the recorder's workspace, as conversations.replies reports it. */
export interface SlackMessage {
  channel: string;
  ts: string;
  user: string;
  /** The thread's first message; absent outside threads. */
  threadTs?: string;
}

/** A message the app posted and Slack took, as conversations.history reports it. */
export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** What a held call gets once released: its answer, or a connection closed without one. */
export type Release = (outcome?: 'answer' | 'drop') => void;

/** A one-time answer: an HTTP status, headers and body, for the next call to a path. */
export interface QueuedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body: Record<string, unknown>;
}

export class SlackRecorder {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, SlackUser>();
  /** Answers for Web API methods beyond the few this recorder knows, by path. */
  readonly answers = new Map<string, Record<string, unknown>>();
  /** Messages conversations.replies finds, by `<channel>/<ts>`. */
  readonly messages = new Map<string, SlackMessage>();
  /** Messages chat.postMessage took, oldest first, for conversations.history. */
  readonly posted: PostedMessage[] = [];
  /** The clock of message timestamps; tests with a manual clock set it to theirs. */
  now: () => number = Date.now;
  #server: Server | undefined;
  #waiters: { path: string; resolve: (call: RecordedCall) => void }[] = [];
  #held = new Map<
    string,
    { matches: (call: RecordedCall) => boolean; released: Promise<'answer' | 'drop'> }
  >();
  #queued: { path: string; answer: QueuedAnswer }[] = [];

  /** Answers the next call to a path starting with `path` this way, once. */
  queue(path: string, answer: QueuedAnswer): void {
    this.#queued.push({ path, answer });
  }

  /**
   * Keeps answers to a path waiting until the returned function is called; `drop` then closes
   * the held connections unanswered, as when a request never reached Slack.
   */
  hold(path: string, matches: (call: RecordedCall) => boolean = () => true): Release {
    let release: (outcome: 'answer' | 'drop') => void = () => undefined;
    const held = { matches, released: new Promise<'answer' | 'drop'>((r) => (release = r)) };
    this.#held.set(path, held);
    return (outcome = 'answer') => {
      this.#held.delete(path);
      release(outcome);
    };
  }

  async start(): Promise<void> {
    this.#server = createServer(async (request, response) => {
      const authorization = request.headers.authorization ?? '';
      const call = {
        path: request.url ?? '/',
        body: await readBody(request),
        token: authorization.startsWith('Bearer ') ? authorization.slice(7) : null,
      };
      this.calls.push(call);
      this.#waiters = this.#waiters.filter((waiter) => {
        if (!call.path.startsWith(waiter.path)) return true;
        waiter.resolve(call);
        return false;
      });
      const held = [...this.#held].find(
        ([path, { matches }]) => call.path.startsWith(path) && matches(call),
      );
      if (held && (await held[1].released) === 'drop') {
        request.socket.destroy();
        return;
      }
      response.setHeader('content-type', 'application/json');
      const index = this.#queued.findIndex((queued) => call.path.startsWith(queued.path));
      if (index >= 0) {
        const { answer } = this.#queued.splice(index, 1)[0]!;
        response.writeHead(answer.status ?? 200, answer.headers ?? {});
        response.end(JSON.stringify(answer.body));
        return;
      }
      response.end(JSON.stringify(this.#answer(call)));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}`;
  }

  /** Where the app's Web API client is pointed. */
  get apiUrl(): string {
    return `${this.baseUrl}/api/`;
  }

  /** A response_url for one command; answers to it are recorded under that path. */
  responseUrl(name: string): string {
    return `${this.baseUrl}/respond/${name}`;
  }

  /** Resolves with the first call to a path starting with `path`, past or future. */
  waitFor(path: string, timeoutMs = 15_000): Promise<RecordedCall> {
    const recorded = this.calls.find((call) => call.path.startsWith(path));
    if (recorded) return Promise.resolve(recorded);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no call to ${path}`)), timeoutMs);
      this.#waiters.push({
        path,
        resolve: (call) => {
          clearTimeout(timer);
          resolve(call);
        },
      });
    });
  }

  /** Adds a message that conversations.replies will find. */
  addMessage(message: SlackMessage): void {
    this.messages.set(`${message.channel}/${message.ts}`, message);
  }

  callsTo(path: string): RecordedCall[] {
    return this.calls.filter((call) => call.path.startsWith(path));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }

  #answer(call: RecordedCall): Record<string, unknown> {
    const configured = [...this.answers].find(([path]) => call.path.startsWith(path));
    if (configured) return configured[1];
    if (call.path.startsWith('/api/auth.test')) {
      return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0TEST', user: 'bot' };
    }
    if (call.path.startsWith('/api/chat.postMessage')) return this.#post(call.body);
    if (call.path.startsWith('/api/conversations.history')) return this.#history(call.body);
    if (call.path.startsWith('/api/users.info')) {
      const user = this.users.get(String(call.body.user));
      if (!user) return { ok: false, error: 'user_not_found' };
      return {
        ok: true,
        user: {
          id: user.id,
          name: user.name,
          real_name: user.realName,
          is_admin: user.admin === true,
          profile: { real_name: user.realName, display_name: '', email: user.email ?? undefined },
        },
      };
    }
    if (call.path.startsWith('/api/conversations.replies')) return this.#replies(call.body);
    return { ok: true };
  }

  #post(body: Record<string, unknown>): Record<string, unknown> {
    // Posting to a user id opens the bot's direct message with them, as Slack does.
    const asked = String(body.channel);
    const channel = asked.startsWith('U') ? `D${asked.slice(1)}` : asked;
    const seconds = Math.floor(this.now() / 1000);
    const ts = `${seconds}.${String(this.calls.length).padStart(6, '0')}`;
    const metadata =
      typeof body.metadata === 'string' ? (JSON.parse(body.metadata) as object) : body.metadata;
    this.posted.push({
      channel,
      ts,
      text: String(body.text ?? ''),
      ...(metadata ? { metadata: metadata as PostedMessage['metadata'] } : {}),
    });
    return { ok: true, channel, ts };
  }

  /** A channel's messages since `oldest`, newest first, metadata only when asked for. */
  #history(body: Record<string, unknown>): Record<string, unknown> {
    const oldest = Number(body.oldest ?? 0);
    const withMetadata = String(body.include_all_metadata) === 'true';
    const messages = this.posted
      .filter((message) => message.channel === body.channel && Number(message.ts) >= oldest)
      .reverse()
      .map(({ ts, text, metadata }) => ({
        type: 'message',
        ts,
        text,
        bot_id: 'BBOT',
        ...(withMetadata && metadata ? { metadata } : {}),
      }));
    return { ok: true, messages, has_more: false };
  }

  /** The thread's first message and the message asked for, as Slack answers a reply's ts. */
  #replies(body: Record<string, unknown>): Record<string, unknown> {
    const message = this.messages.get(`${String(body.channel)}/${String(body.ts)}`);
    if (!message) return { ok: false, error: 'thread_not_found' };
    const parent = message.threadTs
      ? this.messages.get(`${message.channel}/${message.threadTs}`)
      : undefined;
    const toSlack = (entry: SlackMessage) => ({
      type: 'message',
      ts: entry.ts,
      user: entry.user,
      ...(entry.threadTs ? { thread_ts: entry.threadTs } : {}),
      ...(parent && entry !== parent ? { parent_user_id: parent.user } : {}),
    });
    const thread = parent && parent !== message ? [parent, message] : [message];
    return { ok: true, messages: thread.map(toSlack), has_more: false };
  }
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return {};
  if (text.startsWith('{')) return JSON.parse(text) as Record<string, unknown>;
  return Object.fromEntries(new URLSearchParams(text));
}
