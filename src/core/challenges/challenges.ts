/** Challenges: progress inside the window, Claim Credits paid once, admin management. */
import dayjs from 'dayjs';
import relativeTime from 'dayjs/plugin/relativeTime.js';
import type { Credits } from '../credits/credit-ledger.js';
import type { CommandAction, View } from '../profile/profile-view.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { TenantDirectory } from '../tenants/tenant.js';
import { defaultChallenges, isComplete, toChallengeStatus, type Challenge } from './challenge.js';
import type { ChallengeLine, ChallengesView } from './challenge-view.js';
import type { ChallengeRepository, WindowActivityCounter } from './ports.js';

dayjs.extend(relativeTime);

export interface ChallengesOptions {
  repository: ChallengeRepository;
  activity: WindowActivityCounter;
  credits: Pick<Credits, 'bookCredits' | 'balanceOf' | 'isBooked'>;
  tenants: Pick<TenantDirectory, 'get'>;
  /** Grace period of a tenant that set none. */
  defaultGraceDays: number;
  /** Runs after credits for a challenge were paid, e.g. to update badges. */
  onClaimed?: (tenant: string, member: string) => Promise<void>;
  clock: Clock;
  logger: Logger;
}

/** The challenge a profile shows. */
export interface AssignedChallenge {
  title: string;
  stepsDone: number;
  stepCount: number;
  credits: number;
  timeText: string;
}

export function createChallenges(options: ChallengesOptions) {
  const { repository, activity, credits, tenants, clock } = options;
  const logger = options.logger.child({ module: 'challenges' });

  /** The tenant's challenges, seeding the default set the first time a tenant asks. */
  async function listChallenges(tenant: string): Promise<Challenge[]> {
    if (!(await repository.hasDefaults(tenant))) await giveDefaults(tenant);
    return repository.list(tenant);
  }

  /**
   * Adds the default challenges, each once by its id, and only then marks them given: a crash
   * in between leaves the mark unset, and the next reader adds what is missing.
   */
  async function giveDefaults(tenant: string): Promise<void> {
    let added = 0;
    for (const challenge of defaultChallenges(tenant, clock.now())) {
      if ((await repository.add(challenge)) === 'added') added++;
    }
    await repository.markDefaults(tenant);
    if (added > 0) logger.info({ tenant, added }, 'default challenges added');
  }

  async function graceDaysOf(tenant: string): Promise<number> {
    return (await repository.findGraceDays(tenant)) ?? options.defaultGraceDays;
  }

  async function toLine(challenge: Challenge, member: string, grace: number) {
    const { tenant } = challenge;
    const keys = [...new Set(challenge.steps.map((step) => step.activity))];
    const [counts, claimed, settings] = await Promise.all([
      activity.countInWindow(tenant, member, keys, challenge),
      credits.isBooked(tenant, toClaimKey(challenge.id, member)),
      tenants.get(tenant),
    ]);
    const steps = challenge.steps.map((step) => ({
      ...step,
      done: Math.min(step.count, counts[step.activity] ?? 0),
      label: settings.catalog.get(step.activity)?.label ?? step.activity,
    }));
    const now = clock.now();
    const status = toChallengeStatus(
      challenge,
      { complete: isComplete(steps), claimed },
      now,
      grace,
    );
    const line: ChallengeLine = {
      id: challenge.id,
      title: challenge.title,
      credits: challenge.credits,
      status,
      steps,
      timeText: toTimeText(challenge, status, now, grace),
      action: status === 'claimable' ? claimAction(challenge.id) : null,
    };
    return line;
  }

  /** The challenges a member can work on or claim, with progress. */
  async function openLines(tenant: string, member: string): Promise<ChallengeLine[]> {
    const grace = await graceDaysOf(tenant);
    const lines = await Promise.all(
      (await listChallenges(tenant)).map((challenge) => toLine(challenge, member, grace)),
    );
    return lines.filter((line) => line.status !== 'expired' && line.status !== 'upcoming');
  }

  async function showChallenges(
    tenant: string,
    member: string,
    message: string | null = null,
  ): Promise<ChallengesView> {
    const [challenges, balance] = await Promise.all([
      openLines(tenant, member),
      credits.balanceOf(tenant, member),
    ]);
    const actions = [{ label: 'My profile', command: 'profile' }];
    return { kind: 'challenges', message, challenges, credits: balance, actions };
  }

  /**
   * Pays a completed challenge's credits to the member who asks, once: the credit entry's key
   * names the challenge and the member, so repeated clicks and retries find it booked.
   */
  async function claimCredits(tenant: string, member: string, id: string): Promise<View> {
    const challenge = await repository.find(tenant, id);
    if (!challenge) return showChallenges(tenant, member, `There is no challenge “${id}”.`);
    const line = await toLine(challenge, member, await graceDaysOf(tenant));
    if (line.status === 'claimed') {
      return showChallenges(tenant, member, `You claimed “${challenge.title}” already.`);
    }
    if (line.status !== 'claimable') {
      const problem =
        line.status === 'expired'
          ? `“${challenge.title}” has ended.`
          : `“${challenge.title}” is not complete yet: finish every step first.`;
      return showChallenges(tenant, member, problem);
    }

    const outcome = await credits.bookCredits({
      tenant,
      member,
      key: toClaimKey(challenge.id, member),
      reason: 'challenge',
      amount: challenge.credits,
    });
    if (outcome.kind === 'booked') {
      logger.info({ tenant, member, challenge: id }, 'challenge credits claimed');
      await options.onClaimed?.(tenant, member);
    }
    const message =
      outcome.kind === 'booked'
        ? `You received ${challenge.credits} credits for “${challenge.title}”.`
        : `You claimed “${challenge.title}” already.`;
    return showChallenges(tenant, member, message);
  }

  /** The challenge the profile shows: the one ending soonest that is open or claimable. */
  async function assignedChallenge(tenant: string, member: string) {
    const [first] = await openLines(tenant, member);
    if (!first || first.status === 'claimed') return null;
    const assigned: AssignedChallenge = {
      title: first.title,
      stepsDone: first.steps.filter((step) => step.done >= step.count).length,
      stepCount: first.steps.length,
      credits: first.credits,
      timeText: first.timeText,
    };
    return assigned;
  }

  return {
    listChallenges,
    showChallenges,
    claimCredits,
    assignedChallenge,
    graceDaysOf,
  };
}

export type Challenges = ReturnType<typeof createChallenges>;

/** The credit ledger key of a member's claim of a challenge. */
export function toClaimKey(challengeId: string, member: string): string {
  return `challenge/${challengeId}/${member}`;
}

function claimAction(id: string): CommandAction {
  return { label: 'Claim Credits', command: `challenges claim ${id}` };
}

function toTimeText(
  challenge: Challenge,
  status: ChallengeLine['status'],
  now: Date,
  graceDays: number,
): string {
  const from = dayjs(now);
  switch (status) {
    case 'claimed':
      return 'credits claimed';
    case 'upcoming':
      return `starts ${from.to(challenge.start)}`;
    case 'expired':
      return 'ended';
    case 'open':
    case 'claimable': {
      if (now < challenge.end) return `${dayjs(challenge.end).from(now, true)} left`;
      const graceEnd = dayjs(challenge.end).add(graceDays, 'day');
      return `claimable for ${graceEnd.from(now, true)}`;
    }
  }
}
