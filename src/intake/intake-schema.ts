/** The intake request body (SPEC §12): one event, or `{"events": [...]}` with at most 500. */
import { z } from 'zod';
import type { ActivityCatalog } from '../core/catalog/activity-catalog.js';
import type { MemberAddress } from '../core/members/member.js';
import type { ActivityEvent } from '../core/scoring/activity-event.js';

export const MAX_EVENTS_PER_REQUEST = 500;

/** Largest `meta` object, serialised; it is kept with every ledger entry. */
const MAX_META_BYTES = 2048;

/** How far ahead of our clock `occurredAt` may be, for senders whose clocks run fast. */
const MAX_FUTURE_MS = 5 * 60 * 1000;

const USER_ID = /^[A-Za-z0-9][A-Za-z0-9:_.-]{0,127}$/;

/** A UTF-16 surrogate without its pair: stored as UTF-8 it would become U+FFFD like any other. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text that survives storage unchanged: no lone surrogates, no NUL characters. */
function storableText(max: number) {
  return z
    .string()
    .max(max)
    .refine((text) => !LONE_SURROGATE.test(text), 'has a lone UTF-16 surrogate')
    .refine((text) => !text.includes('\u0000'), 'has a NUL character');
}

/** Keys stored as field names: the database refuses dots, a leading `$` and NUL in them. */
const metaKeySchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_-]{0,63}$/, 'a meta key has letters, digits, _ and -, at most 64');

const metaScalarSchema = z.union([storableText(1000), z.number(), z.boolean(), z.null()]);

/**
 * `meta` is a small object kept with the ledger entry: scalars, lists of scalars, or one level
 * of objects of scalars. Lists of lists are not stored by the embedded database.
 */
const metaSchema = z
  .record(
    metaKeySchema,
    z.union([
      metaScalarSchema,
      z.array(metaScalarSchema).max(100),
      z.record(metaKeySchema, metaScalarSchema),
    ]),
  )
  .refine(
    (meta) => Buffer.byteLength(JSON.stringify(meta)) <= MAX_META_BYTES,
    `is larger than ${MAX_META_BYTES} bytes`,
  );

/** An event id: printable, not blank, at most 200 characters. */
const eventIdSchema = storableText(200).refine((id) => id.trim() !== '', 'is empty');

const memberAddressSchema = z
  .string()
  .trim()
  .min(1)
  .max(254)
  .transform((value, ctx): MemberAddress => {
    if (value.includes('@')) {
      if (z.email().safeParse(value).success) return { kind: 'email', email: value.toLowerCase() };
      ctx.addIssue({ code: 'custom', message: 'is not a valid e-mail address' });
      return z.NEVER;
    }
    if (USER_ID.test(value)) return { kind: 'user', userId: value };
    ctx.addIssue({ code: 'custom', message: 'is neither a chat user id nor an e-mail address' });
    return z.NEVER;
  });

function eventSchema(catalog: ActivityCatalog, now: Date) {
  return z
    .object({
      id: eventIdSchema,
      activity: z.string().refine((key) => catalog.has(key), 'is not an activity of the catalog'),
      member: memberAddressSchema,
      occurredAt: z.iso
        .datetime({ offset: true, message: 'is not an ISO 8601 date-time with an offset' })
        .transform((text) => new Date(text))
        .refine((date) => date.getTime() <= now.getTime() + MAX_FUTURE_MS, 'is in the future'),
      actor: memberAddressSchema.optional(),
      reverses: eventIdSchema.optional(),
      public: z.boolean().optional(),
      meta: metaSchema.optional(),
    })
    .strict();
}

/** Validates a parsed body; the result says each bad field by its path. */
export function parseIntakeBody(
  body: unknown,
  context: { tenant: string; source: string; catalog: ActivityCatalog; now: Date },
) {
  const event = eventSchema(context.catalog, context.now);
  const batch = z.object({ events: z.array(event).min(1).max(MAX_EVENTS_PER_REQUEST) }).strict();
  const single = event.transform((item) => ({ events: [item] }));
  const isBatch = typeof body === 'object' && body !== null && 'events' in body;
  const parsed = isBatch ? batch.safeParse(body) : single.safeParse(body);

  if (!parsed.success) return { ok: false as const, issues: parsed.error.issues.flatMap(toIssues) };

  const events: ActivityEvent[] = parsed.data.events.map((item) => ({
    tenant: context.tenant,
    source: context.source,
    eventId: item.id,
    activity: item.activity,
    member: item.member,
    actor: item.actor ?? null,
    occurredAt: item.occurredAt,
    reverses: item.reverses ?? null,
    public: item.public ?? true,
    meta: item.meta ?? null,
  }));
  return { ok: true as const, events };
}

/** A problem of the body, named by the path of the field, e.g. "events.3.occurredAt". */
export interface BodyIssue {
  path: string;
  message: string;
}

function toIssues(issue: z.core.$ZodIssue): BodyIssue[] {
  const path = issue.path.map(String);
  // Unknown fields are reported each at its own path, where the sender can find it.
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({ path: [...path, key].join('.'), message: 'is not a field' }));
  }
  return [{ path: path.join('.') || '(body)', message: issue.message }];
}
