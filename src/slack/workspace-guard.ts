/**
 * One bot token belongs to one workspace (or one Enterprise Grid organization): in the
 * single-token modes the app answers that workspace only, as Slack's auth.test names it.
 */
import type { AnyMiddlewareArgs, Authorize, Middleware, webApi } from '@slack/bolt';
import type { Logger } from '../core/shared/logger.js';

/** What a request from another workspace is told. */
export const OTHER_WORKSPACE_TEXT = 'This app serves the workspace it was installed in only.';

/** What a request is told while the token's workspace is not known yet. */
export const NOT_READY_TEXT =
  'This app is not ready yet: it could not ask Slack which workspace it serves. ' +
  'Please try again in a minute.';

/** The workspace a bot token belongs to, as auth.test reports it. */
export interface TokenWorkspace {
  teamId: string | null;
  /** Set on Enterprise Grid; an org-wide install serves every team of it. */
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  botId?: string;
  botUserId?: string;
}

export interface WorkspaceGuardOptions {
  botToken: string;
  /** A Web API client with the bot token, for auth.test. */
  client: webApi.WebClient;
  /** The Slack adapter's logger (module slack). */
  logger: Logger;
}

/** Bolt's authorization and a global middleware that let the token's workspace in only. */
export interface WorkspaceGuard {
  /** Asks Slack once which workspace the token is of; null (and logged) while unknown. */
  resolve(): Promise<TokenWorkspace | null>;
  authorize: Authorize<boolean>;
  middleware: Middleware<AnyMiddlewareArgs>;
}

/** The context key under which authorize leaves the workspace it found for the request. */
const WORKSPACE_KEY = 'tokenWorkspace';

export function createWorkspaceGuard(options: WorkspaceGuardOptions): WorkspaceGuard {
  const { logger } = options;
  let known: TokenWorkspace | null = null;
  let pending: Promise<TokenWorkspace | null> | null = null;

  // A failed lookup is not kept: the next request asks again.
  async function lookUp(): Promise<TokenWorkspace | null> {
    try {
      const workspace = toTokenWorkspace(await options.client.auth.test());
      if (!workspace) throw new Error('auth.test named no team or enterprise');
      known = workspace;
      logger.info({ tenant: tenantOf(workspace), ...workspace }, 'slack workspace of the token');
      return workspace;
    } catch (error) {
      logger.warn({ err: error }, 'slack workspace of the token unknown; asking again later');
      return null;
    } finally {
      pending = null;
    }
  }

  function resolve(): Promise<TokenWorkspace | null> {
    if (known) return Promise.resolve(known);
    pending ??= lookUp();
    return pending;
  }

  return {
    resolve,

    async authorize() {
      const workspace = await resolve();
      return {
        botToken: options.botToken,
        botId: workspace?.botId,
        botUserId: workspace?.botUserId,
        [WORKSPACE_KEY]: workspace,
      };
    },

    async middleware(args) {
      // Bolt skips authorize for a few events (app_uninstalled, tokens_revoked).
      const workspace =
        WORKSPACE_KEY in args.context
          ? (args.context[WORKSPACE_KEY] as TokenWorkspace | null)
          : await resolve();
      const request = toRequestWorkspace(args.body);
      if (workspace && serves(workspace, request)) return args.next();

      const fields = { team: request.teamId, enterprise: request.enterpriseId };
      if (workspace) logger.warn(fields, 'slack request from another workspace refused');
      else logger.warn(fields, 'slack request refused: workspace of the token unknown');
      await refuse(args, workspace ? OTHER_WORKSPACE_TEXT : NOT_READY_TEXT);
    },
  };
}

/** The tenant of the token's workspace, named as everywhere else. */
export function tenantOf(workspace: TokenWorkspace): string {
  return `slack:${workspace.enterpriseId || workspace.teamId}`;
}

/** The token's workspace from auth.test's answer; null when it names none. */
function toTokenWorkspace(answer: webApi.AuthTestResponse): TokenWorkspace | null {
  const teamId = answer.team_id || null;
  const enterpriseId = answer.enterprise_id || null;
  const isEnterpriseInstall = answer.is_enterprise_install === true && enterpriseId !== null;
  if (!isEnterpriseInstall && !teamId) return null;
  return {
    teamId,
    enterpriseId,
    isEnterpriseInstall,
    ...(answer.bot_id ? { botId: answer.bot_id } : {}),
    ...(answer.user_id ? { botUserId: answer.user_id } : {}),
  };
}

/** The ids a request's body carries where Slack puts them for commands, events and clicks. */
interface RequestBody {
  type?: unknown;
  team_id?: unknown;
  enterprise_id?: unknown;
  team?: { id?: unknown } | null;
  enterprise?: { id?: unknown } | null;
}

/** Payloads of clicks, forms and shortcuts: their listeners read the nested team. */
const INTERACTIVE_TYPES = new Set([
  'block_actions',
  'block_suggestion',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'interactive_message',
]);

/**
 * The team and enterprise a request comes from, read from the body exactly as the listeners
 * read them to name the tenant: nested in interactive payloads, at the top in commands and
 * events; whatever the other place says is not looked at.
 */
function toRequestWorkspace(body: unknown) {
  const ids = (body ?? {}) as RequestBody;
  if (typeof ids.type === 'string' && INTERACTIVE_TYPES.has(ids.type)) {
    return { teamId: toId(ids.team?.id), enterpriseId: toId(ids.enterprise?.id) };
  }
  return { teamId: toId(ids.team_id), enterpriseId: toId(ids.enterprise_id) };
}

function toId(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/**
 * Whether the request is the token's: it names the token's tenant, as the listeners will name
 * it (`slack:<enterprise or team>`), and, short of an org-wide install, which serves every team
 * of its enterprise, the token's own team.
 */
function serves(
  workspace: TokenWorkspace,
  request: { teamId: string | null; enterpriseId: string | null },
): boolean {
  const named = request.enterpriseId ?? request.teamId;
  if (named === null || `slack:${named}` !== tenantOf(workspace)) return false;
  return workspace.isEnterpriseInstall || request.teamId === workspace.teamId;
}

/**
 * Answers a refused request without running anything: a command's acknowledgement carries the
 * text, a click or form is acknowledged and told through its response_url; events were
 * acknowledged by Bolt already and are dropped.
 */
async function refuse(args: AnyMiddlewareArgs, text: string): Promise<void> {
  if ('command' in args) {
    await args.ack({ response_type: 'ephemeral', text });
    return;
  }
  if ((args.body as { type?: unknown }).type === 'view_submission' && 'ack' in args) {
    // A submitted form has no response_url: the modal itself shows why nothing was saved.
    const ack = args.ack as (response: object) => Promise<void>;
    await ack({ response_action: 'update', view: toRefusalModal(text) });
    return;
  }
  if ('ack' in args && typeof args.ack === 'function') {
    await (args.ack as () => Promise<void>)();
  }
  if ('respond' in args && typeof args.respond === 'function') {
    const respond = args.respond as (message: object) => Promise<unknown>;
    await respond({ response_type: 'ephemeral', replace_original: false, text }).catch(
      () => undefined,
    );
  }
}

/** A modal that says why the submission was not taken, with a button to close it. */
function toRefusalModal(text: string) {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Not saved' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'plain_text', text } }],
  };
}
