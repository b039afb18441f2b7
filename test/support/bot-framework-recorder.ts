/**
 * A local server standing in for the Bot Framework connector: activities carry its address as
 * `serviceUrl`, so the bot's replies and its member look-ups come here and are recorded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedActivity {
  conversationId: string;
  body: Record<string, unknown>;
  /** POST for a new activity, PUT for an update of the activity `activityId`. */
  method: string;
  activityId: string | null;
}

export interface TeamsMember {
  id: string;
  aadObjectId: string;
  name: string;
  email?: string;
  userPrincipalName?: string;
}

export class BotFrameworkRecorder {
  readonly sent: RecordedActivity[] = [];
  readonly members = new Map<string, TeamsMember>();
  #server: Server | undefined;
  #waiters: { count: number; resolve: () => void }[] = [];
  #failures: { status: number; headers: Record<string, string> }[] = [];

  /** Refuses the next activity sent with this status (and headers), once; it is not recorded. */
  failNext(status: number, headers: Record<string, string> = {}): void {
    this.#failures.push({ status, headers });
  }

  async start(): Promise<void> {
    this.#server = createServer(async (request, response) => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const parts = url.pathname.split('/').map(decodeURIComponent);
      response.setHeader('content-type', 'application/json');

      // GET /v3/conversations/{conversation}/members/{member}
      if (request.method === 'GET' && parts[4] === 'members' && parts[5]) {
        const member = this.members.get(parts[5]);
        response.statusCode = member ? 200 : 404;
        response.end(JSON.stringify(member ?? { error: { code: 'MemberNotFoundInConversation' } }));
        return;
      }

      // POST /v3/conversations/{conversation}/activities[/{reply-to}]
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<
        string,
        unknown
      >;
      const failure = this.#failures.shift();
      if (failure) {
        response.writeHead(failure.status, failure.headers);
        response.end(JSON.stringify({ error: { code: 'Refused', message: 'refused' } }));
        return;
      }
      this.sent.push({
        conversationId: parts[3] ?? '',
        body,
        method: request.method ?? 'POST',
        activityId: request.method === 'PUT' ? (parts[5] ?? null) : null,
      });
      this.#waiters = this.#waiters.filter((waiter) => {
        if (this.sent.length < waiter.count) return true;
        waiter.resolve();
        return false;
      });
      response.end(JSON.stringify({ id: `sent-${this.sent.length}` }));
    });
    await new Promise<void>((resolve) => this.#server!.listen(0, '127.0.0.1', resolve));
  }

  get serviceUrl(): string {
    return `http://127.0.0.1:${(this.#server!.address() as AddressInfo).port}/`;
  }

  /** Resolves once `count` activities in all have been sent. */
  async waitForSent(count: number, timeoutMs = 15_000): Promise<void> {
    if (this.sent.length >= count) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${this.sent.length} sent`)), timeoutMs);
      this.#waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.#server?.close(() => resolve()) ?? resolve());
  }
}
