/**
 * The Teams bot: commands typed to it, buttons on its cards, and the record of where it is
 * installed. Commands go through the grammar and view models Slack uses.
 */
import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type ChannelInfo,
  type InvokeResponse,
  type TeamInfo,
} from 'botbuilder';
import { BoundedMap } from '../core/shared/bounded-map.js';
import type { ConversationRepository } from '../core/conversations/conversation.js';
import type { ConnectionRepository } from '../core/connections/ports.js';
import type { RegisterContact } from '../core/members/register-contact.js';
import type { AnswerCommand } from '../core/profile/answer-command.js';
import type { Clock } from '../core/shared/clock.js';
import type { Logger } from '../core/shared/logger.js';
import { isFormName, type SubmitForm } from '../core/forms/submit-form.js';
import type { View } from '../core/profile/profile-view.js';
import { cardActionInvokeSchema } from './activity-schema.js';
import { presentTeamsMessage } from './present/present-teams.js';
import { contactFetcher, toCommandText, toTeamsTenant, toTeamsUserId } from './teams-identity.js';

export interface ProfileBotOptions {
  answerCommand: AnswerCommand;
  registerContact: RegisterContact;
  conversations: ConversationRepository;
  /** Where the channels members use the bot in are noted, for "people you may know". */
  connections: Pick<ConnectionRepository, 'recordChannel'>;
  submitForm: SubmitForm;
  clock: Clock;
  logger: Logger;
}

const INVOKE_CARD = 'application/vnd.microsoft.card.adaptive';
const INVOKE_ERROR = 'application/vnd.microsoft.error';

/** Conversations this process stored already; a message stores its conversation once. */
const REMEMBERED_CONVERSATIONS = 10_000;

/** Sent when a button's data is not a command this bot knows. */
const UNKNOWN_ACTION = 'That button sent nothing I understand; type help to see what I can do.';

export class ProfileBot extends TeamsActivityHandler {
  readonly #options: ProfileBotOptions;
  readonly #logger: Logger;
  readonly #stored = new BoundedMap<string, true>(REMEMBERED_CONVERSATIONS);

  constructor(options: ProfileBotOptions) {
    super();
    this.#options = options;
    this.#logger = options.logger.child({ module: 'teams-bot' });

    this.onMessage(async (context, next) => {
      // Install events can be lost; a chat the bot is used in is remembered from its messages.
      const key = `${toTeamsTenant(context.activity)}|${context.activity.conversation.id}`;
      if (!this.#stored.get(key)) {
        await this.#remember(context);
        this.#stored.set(key, true);
      }
      await this.#answerMessage(context);
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      await this.#remember(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.#forget(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (includesBot(context, context.activity.membersAdded)) await this.#remember(context);
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (includesBot(context, context.activity.membersRemoved)) await this.#forget(context);
      await next();
    });
    this.onTeamsChannelCreatedEvent(async (channel, _team, context, next) => {
      await this.#remember(context, channel);
      await next();
    });
    this.onTeamsChannelDeletedEvent(async (channel, _team, context, next) => {
      if (channel.id)
        await options.conversations.remove(toTeamsTenant(context.activity), channel.id);
      await next();
    });
    this.onTeamsTeamDeletedEvent(async (team, context, next) => {
      await this.#forgetTeam(context, team);
      await next();
    });
    this.onTeamsTeamRestoredEvent(async (_team, context, next) => {
      await this.#remember(context);
      await next();
    });
  }

  /** Action.Execute buttons arrive as invokes and are answered with a card in place. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(context);

    const invoke = cardActionInvokeSchema.safeParse(context.activity.value);
    if (!invoke.success) {
      const value = { code: 'BadRequest', message: 'the action carries no data' };
      return { status: 400, body: { statusCode: 400, type: INVOKE_ERROR, value } };
    }
    const text = toActionCommand(invoke.data.action.data);
    const view = text === null ? unknownAction() : await this.#answer(context, text);
    const value = presentTeamsMessage(view).card;
    return { status: 200, body: { statusCode: 200, type: INVOKE_CARD, value } };
  }

  async #answerMessage(context: TurnContext): Promise<void> {
    // Action.Submit buttons come back as a message whose value is the button's data.
    const value = context.activity.value as unknown;
    const form = toFormSubmission(value);
    const text = value === undefined ? await toCommandText(context) : toActionCommand(value);
    const view = form
      ? await this.#submit(context, form)
      : text === null
        ? unknownAction()
        : await this.#answer(context, text);
    const message = presentTeamsMessage(view);
    await context.sendActivity({
      text: message.text,
      attachments: [CardFactory.adaptiveCard(message.card)],
    });
  }

  async #answer(context: TurnContext, text: string) {
    const tenant = toTeamsTenant(context.activity);
    const userId = toTeamsUserId(context.activity.from);
    await this.#options.registerContact(tenant, userId, contactFetcher(context));
    const shared = toSharedChannel(context.activity);
    if (shared) await this.#options.connections.recordChannel(tenant, userId, shared);
    const channelId = toChannelOf(context.activity);
    const view = await this.#options.answerCommand({ tenant, userId, channelId }, text);
    this.#logger.debug({ tenant, member: userId, view: view.kind }, 'command answered');
    return view;
  }

  /** A submitted form card: refused fields come back as the form with the problems shown. */
  async #submit(context: TurnContext, submission: FormCardSubmission): Promise<View> {
    const tenant = toTeamsTenant(context.activity);
    const userId = toTeamsUserId(context.activity.from);
    const outcome = await this.#options.submitForm({ tenant, userId }, submission);
    this.#logger.debug(
      { tenant, member: userId, form: submission.form, stored: outcome.ok },
      'form submitted',
    );
    return outcome.ok ? outcome.view : outcome.form;
  }

  async #remember(context: TurnContext, channel?: ChannelInfo): Promise<void> {
    const activity = context.activity;
    const conversationId = channel?.id ?? activity.conversation.id;
    const tenant = toTeamsTenant(activity);
    const kind = channel ? 'channel' : toConversationKind(activity.conversation.conversationType);
    await this.#options.conversations.save({
      tenant,
      conversationId,
      kind,
      teamId: teamOf(activity.channelData)?.id ?? null,
      member: kind === 'personal' ? toTeamsUserId(activity.from) : null,
      reference: toStoredReference(activity, conversationId, kind),
      updatedAt: this.#options.clock.now(),
    });
    this.#logger.info({ tenant, conversationId }, 'conversation stored');
  }

  async #forget(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const team = teamOf(activity.channelData);
    if (team) return this.#forgetTeam(context, team);

    await this.#options.conversations.remove(toTeamsTenant(activity), activity.conversation.id);
    this.#logger.info({ conversationId: activity.conversation.id }, 'conversation forgotten');
  }

  async #forgetTeam(context: TurnContext, team: Pick<TeamInfo, 'id'>): Promise<void> {
    const tenant = toTeamsTenant(context.activity);
    if (team.id) await this.#options.conversations.removeTeam(tenant, team.id);
    this.#logger.info({ tenant, teamId: team.id }, 'team forgotten');
  }
}

/** The command a button's data asks for: `{"command": "stats", "subject": "<user id>"}`. */
function toActionCommand(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const { command, subject } = data as { command?: unknown; subject?: unknown };
  if (typeof command !== 'string' || command.length > 200) return null;
  if (subject === undefined) return command;
  return typeof subject === 'string' ? `${command} <@${subject}>` : null;
}

type FormCardSubmission = Parameters<SubmitForm>[1];

/** The form a card's Action.Submit sent, with its inputs; null for anything else. */
function toFormSubmission(value: unknown): FormCardSubmission | null {
  if (typeof value !== 'object' || value === null) return null;
  const { form, key, intent, ...inputs } = value as Record<string, unknown>;
  if (!isFormName(form)) return null;

  const values: Record<string, string> = {};
  for (const [name, input] of Object.entries(inputs)) {
    if (typeof input === 'string' && name.length <= 50) values[name] = input.slice(0, 5000);
  }
  return {
    form,
    key: typeof key === 'string' ? key.slice(0, 100) : '',
    intent: typeof intent === 'string' ? intent.slice(0, 20) : '',
    values,
  };
}

function unknownAction() {
  return { kind: 'failure' as const, message: UNKNOWN_ACTION };
}

/**
 * What posting to the conversation later needs, and only that: the activity itself is the
 * sender's to fill, and storing it whole would store whatever it carries.
 */
function toStoredReference(
  activity: Activity,
  conversationId: string,
  kind: string,
): Record<string, unknown> {
  const tenantId = activity.conversation.tenantId;
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    bot: { id: activity.recipient.id, name: activity.recipient.name },
    conversation: { id: conversationId, conversationType: kind, ...(tenantId ? { tenantId } : {}) },
  };
}

/** The team channel an activity came from, without its thread; null outside channels. */
function toChannelOf(activity: Activity): string | null {
  if (activity.conversation.conversationType !== 'channel') return null;
  const channel = (activity.channelData as { channel?: { id?: unknown } } | undefined)?.channel;
  if (typeof channel?.id === 'string') return channel.id;
  return activity.conversation.id.split(';')[0]!;
}

/** The channel or group chat of an activity; a personal chat is shared with nobody. */
function toSharedChannel(activity: Activity): string | null {
  const type = activity.conversation.conversationType;
  if (type !== 'channel' && type !== 'groupChat') return null;
  const channel = (activity.channelData as { channel?: { id?: unknown } } | undefined)?.channel;
  if (typeof channel?.id === 'string') return channel.id;
  // A channel's conversation id names the thread after ";messageid="; the channel is before it.
  return activity.conversation.id.split(';')[0] ?? null;
}

function includesBot(context: TurnContext, members: { id: string }[] | undefined): boolean {
  return (members ?? []).some((member) => member.id === context.activity.recipient.id);
}

function teamOf(channelData: unknown): { id: string } | undefined {
  const team = (channelData as { team?: { id?: unknown } } | undefined)?.team;
  return typeof team?.id === 'string' ? { id: team.id } : undefined;
}

function toConversationKind(type: string | undefined) {
  return type === 'channel' || type === 'groupChat' ? type : 'personal';
}
