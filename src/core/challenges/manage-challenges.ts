/** `admin challenge ...`: community managers add, list and remove challenges. */
import type { CommunityAdminCommand } from '../commands/community-admin-grammar.js';
import type { View } from '../profile/profile-view.js';
import { addDays, toLocalDay, toStartOfDay } from '../shared/calendar.js';
import type { Logger } from '../shared/logger.js';
import type { TenantDirectory } from '../tenants/tenant.js';
import { toChallengeId, type Challenge } from './challenge.js';
import type { Challenges } from './challenges.js';
import type { ChallengeRepository } from './ports.js';

export interface ManageChallengesOptions {
  repository: ChallengeRepository;
  challenges: Pick<Challenges, 'listChallenges' | 'graceDaysOf'>;
  tenants: Pick<TenantDirectory, 'get'>;
  logger: Logger;
}

type ChallengeAdmin = Extract<CommunityAdminCommand, { area: 'challenge' }>;

export function createManageChallenges(options: ManageChallengesOptions) {
  const { repository, challenges, tenants } = options;
  const logger = options.logger.child({ module: 'challenge-admin' });

  async function add(tenant: string, command: Extract<ChallengeAdmin, { action: 'add' }>) {
    const settings = await tenants.get(tenant);
    const unknown = command.steps.find((step) => !settings.catalog.get(step.activity));
    if (unknown) return `There is no activity “${unknown.activity}”.`;

    const challenge: Challenge = {
      tenant,
      id: toChallengeId(command.title),
      title: command.title,
      steps: command.steps,
      start: toStartOfDay(command.startDay, settings.timeZone),
      end: toStartOfDay(addDays(command.endDay, 1), settings.timeZone),
      credits: command.credits,
    };
    await challenges.listChallenges(tenant);
    if ((await repository.add(challenge)) === 'duplicate') {
      return `A challenge with the id “${challenge.id}” exists already; choose another title.`;
    }
    logger.info({ tenant, challenge: challenge.id }, 'challenge added');
    return `Challenge “${challenge.title}” added as ${challenge.id}.`;
  }

  async function list(tenant: string) {
    const all = await challenges.listChallenges(tenant);
    const grace = await challenges.graceDaysOf(tenant);
    if (all.length === 0) return 'There are no challenges.';
    const { timeZone } = await tenants.get(tenant);
    // A window ends at the start of the day after its last day, so that day is shown.
    const lines = all.map(
      (challenge) =>
        `${challenge.id}: ${challenge.title}, ${challenge.credits} credits, ` +
        `${toLocalDay(challenge.start, timeZone)} to ` +
        `${addDays(toLocalDay(challenge.end, timeZone), -1)}, ` +
        challenge.steps.map((step) => `${step.activity}=${step.count}`).join(','),
    );
    return [`Challenges (claimable ${grace} days after the end):`, ...lines].join('\n');
  }

  async function run(tenant: string, command: ChallengeAdmin): Promise<string> {
    switch (command.action) {
      case 'add':
        return add(tenant, command);
      case 'list':
        return list(tenant);
      case 'remove': {
        const removed = await repository.remove(tenant, command.id);
        if (removed) logger.info({ tenant, challenge: command.id }, 'challenge removed');
        return removed
          ? `Challenge ${command.id} removed.`
          : `There is no challenge “${command.id}”.`;
      }
      case 'grace':
        await repository.saveGraceDays(tenant, command.days);
        logger.info({ tenant, days: command.days }, 'challenge grace period set');
        return `Completed challenges can now be claimed for ${command.days} days after their end.`;
    }
  }

  /** Runs an admin's challenge command; the admin check is answer-admin's, in front of it. */
  return async function manageChallenges(
    viewer: { tenant: string; userId: string },
    command: ChallengeAdmin,
  ): Promise<View> {
    const message = await run(viewer.tenant, command);
    return { kind: 'notice', message, actions: [] };
  };
}
