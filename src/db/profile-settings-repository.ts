/** Profile settings: personal info in a document of its own, visibility on the member. */
import type { ProfileSettingsRepository } from '../core/profile/settings-ports.js';
import type { Clock } from '../core/shared/clock.js';
import { toDocumentId, type Collections } from './collections.js';
import { upsertTwice } from './upsert.js';

export function createProfileSettingsRepository(
  collections: Collections,
  clock: Clock,
): ProfileSettingsRepository {
  const { members, memberProfiles } = collections;

  async function isPrivate(tenant: string, userId: string): Promise<boolean> {
    const member = await members.findOne(
      { _id: toDocumentId(tenant, userId) },
      { projection: { private: 1 } },
    );
    return member?.private === true;
  }

  return {
    isPrivate,

    async find(tenant, userId) {
      const _id = toDocumentId(tenant, userId);
      const [profile, hidden] = await Promise.all([
        memberProfiles.findOne({ _id }),
        isPrivate(tenant, userId),
      ]);
      return profile ? { info: profile.info, private: hidden } : null;
    },

    async save(tenant, userId, settings) {
      const _id = toDocumentId(tenant, userId);
      const profile = { tenant, member: userId, info: settings.info, updatedAt: clock.now() };
      await upsertTwice(() =>
        memberProfiles.updateOne({ _id }, { $set: profile }, { upsert: true }),
      );
      await members.updateOne({ _id }, { $set: { private: settings.private } });
    },
  };
}
