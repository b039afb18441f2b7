/**
 * What an activity must look like before the bot reads it. Bot Framework authenticates who
 * sent an activity, not what is in it, and in local mode nobody is authenticated at all.
 */
import { z } from 'zod';

/** Teams account ids ("29:…"), AAD object ids and bot ids: no separators our keys use. */
const accountId = z.string().regex(/^[A-Za-z0-9:@._-]{1,200}$/, 'is not a Teams id');

/** Tenant ids as the rest of the product accepts them in `teams:<id>`. */
const tenantId = z.string().regex(/^[A-Za-z0-9._-]{1,100}$/, 'is not a tenant id');

/** Conversation, team and channel ids ("19:…@thread.tacv2", "a:…"). */
const conversationId = z.string().min(1).max(500);

const accountFields = {
  id: accountId,
  aadObjectId: accountId.optional(),
  name: z.string().max(1000).optional(),
};

const entity = z.union([
  z.looseObject({
    type: z.literal('mention'),
    text: z.string().max(1000),
    mentioned: z.looseObject({ id: accountId, aadObjectId: accountId.optional() }),
  }),
  z.looseObject({
    type: z
      .string()
      .max(100)
      .refine((type) => type !== 'mention'),
  }),
]);

export const activitySchema = z
  .looseObject({
    type: z.string().min(1).max(100),
    name: z.string().max(200).optional(),
    serviceUrl: z.url(),
    channelId: z.enum(['msteams', 'emulator'], 'is not a channel this bot serves'),
    conversation: z.looseObject({
      id: conversationId,
      tenantId: tenantId.optional(),
      conversationType: z.enum(['personal', 'groupChat', 'channel']).optional(),
    }),
    from: z.looseObject(accountFields, { error: 'the activity names no user' }),
    recipient: z.looseObject({ id: accountId }),
    channelData: z
      .looseObject({
        tenant: z.looseObject({ id: tenantId }).optional(),
        team: z.looseObject({ id: conversationId }).optional(),
        channel: z.looseObject({ id: conversationId }).optional(),
        eventType: z.string().max(100).optional(),
      })
      .optional(),
    entities: z.array(entity).max(100).optional(),
    membersAdded: z
      .array(z.looseObject({ id: accountId }))
      .max(1000)
      .optional(),
    membersRemoved: z
      .array(z.looseObject({ id: accountId }))
      .max(1000)
      .optional(),
  })
  .refine(
    (activity) =>
      !activity.conversation.tenantId ||
      !activity.channelData?.tenant ||
      activity.conversation.tenantId === activity.channelData.tenant.id,
    { message: 'names two different tenants', path: ['channelData', 'tenant', 'id'] },
  );

/** The data of an Action.Execute invoke. */
export const cardActionInvokeSchema = z.looseObject({
  action: z.looseObject({ type: z.string().max(100), data: z.unknown() }),
});
