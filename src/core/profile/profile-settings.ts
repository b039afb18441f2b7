/**
 * Editing personal info and visibility (SPEC §6). Completing every field and going public
 * each earn their once-only activity, booked under a fixed event id per member, so that
 * saving again or toggling visibility back and forth books nothing more.
 */
import type { FormView } from '../forms/form-view.js';
import type { FormOutcome, FormValues } from '../forms/form-values.js';
import type { MemberRepository } from '../members/ports.js';
import type { Scoring } from '../scoring/record-activity.js';
import { SYSTEM_SOURCE } from '../scoring/ledger-entry.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import {
  isInfoComplete,
  readSettings,
  toSettingsForm,
  type ProfileSettings,
} from './personal-info.js';
import type { View } from './profile-view.js';
import type { ProfileSettingsRepository } from './settings-ports.js';

const PROFILE_COMPLETED = 'impact.profile_completed';
const PROFILE_MADE_PUBLIC = 'impact.profile_made_public';

export interface ProfileSettingsOptions {
  settings: ProfileSettingsRepository;
  members: MemberRepository;
  scoring: Scoring;
  clock: Clock;
  logger: Logger;
}

interface Member {
  tenant: string;
  userId: string;
}

export interface ProfileSettingsUseCases {
  /** The settings form with what is stored. */
  open(member: Member): Promise<FormView>;
  /** Stores valid settings and books what they earn; invalid ones store nothing. */
  submit(member: Member, values: FormValues): Promise<FormOutcome<View>>;
}

export function createProfileSettings(options: ProfileSettingsOptions): ProfileSettingsUseCases {
  const { settings, members, scoring, clock } = options;
  const logger = options.logger.child({ module: 'profile-settings' });

  async function award(member: Member, activity: string): Promise<number> {
    const result = await scoring.recordActivity({
      tenant: member.tenant,
      source: SYSTEM_SOURCE,
      eventId: `${activity}/${member.userId}`,
      activity,
      member: { kind: 'user', userId: member.userId },
      actor: null,
      occurredAt: clock.now(),
      reverses: null,
      public: true,
      meta: null,
    });
    return result.duplicate ? 0 : result.applied;
  }

  async function awardEarned(member: Member, saved: ProfileSettings): Promise<string[]> {
    const earned: string[] = [];
    if (isInfoComplete(saved.info) && (await award(member, PROFILE_COMPLETED)) > 0) {
      earned.push('completing your profile');
    }
    if (!saved.private && (await award(member, PROFILE_MADE_PUBLIC)) > 0) {
      earned.push('making your profile public');
    }
    return earned;
  }

  return {
    async open(member) {
      return toSettingsForm(await settings.find(member.tenant, member.userId));
    },

    async submit(member, values) {
      const read = readSettings(values);
      if (!read.ok) {
        return { ok: false, errors: read.errors, form: toSettingsForm(null, values, read.errors) };
      }

      await members.ensureExists(member.tenant, member.userId, clock.now());
      await settings.save(member.tenant, member.userId, read.settings);
      const earned = await awardEarned(member, read.settings);
      logger.info(
        { tenant: member.tenant, member: member.userId, private: read.settings.private },
        'profile settings saved',
      );

      const points = earned.map((reason) => ` You earned 50 points for ${reason}.`).join('');
      const visibility = read.settings.private ? 'private' : 'public';
      return {
        ok: true,
        view: {
          kind: 'notice',
          message: `Your profile settings are saved; your profile is ${visibility}.${points}`,
          actions: [{ label: 'My profile', command: 'profile' }],
        },
      };
    },
  };
}
