/**
 * Slack installations of the OAuth distribution, one document per workspace or Enterprise Grid
 * organisation, the whole installation (tokens included) encrypted. Any instance reads them.
 */
import type { Installation, InstallationQuery, InstallationStore } from '@slack/bolt';
import type { Collections } from './collections.js';
import type { SecretBox } from './secret-box.js';
import { upsertTwice } from './upsert.js';

/** The `_id` of an installation: an organisation-wide one by enterprise, else by workspace. */
export function toInstallationId(query: {
  isEnterpriseInstall?: boolean | undefined;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  if (query.teamId) return `team:${query.teamId}`;
  throw new Error('an installation names neither a workspace nor an organisation');
}

/** The installation store Bolt's OAuth flow and authorisation use. */
export function createSlackInstallationStore(
  collections: Collections,
  box: SecretBox,
): InstallationStore & { fetchBotToken(tenant: string): Promise<string | null> } {
  const { slackInstallations } = collections;

  async function find(id: string): Promise<Installation | null> {
    const document = await slackInstallations.findOne({ _id: id });
    return document ? (JSON.parse(box.open(document.sealed)) as Installation) : null;
  }

  return {
    async storeInstallation(installation) {
      const _id = toInstallationId({
        isEnterpriseInstall: installation.isEnterpriseInstall,
        enterpriseId: installation.enterprise?.id,
        teamId: installation.team?.id,
      });
      const sealed = box.seal(JSON.stringify(installation));
      await upsertTwice(() =>
        slackInstallations.replaceOne(
          { _id },
          { sealed, installedAt: new Date() },
          { upsert: true },
        ),
      );
    },

    async fetchInstallation(query: InstallationQuery<boolean>) {
      const installation =
        (query.teamId ? await find(toInstallationId({ teamId: query.teamId })) : null) ??
        (query.enterpriseId
          ? await find(
              toInstallationId({ isEnterpriseInstall: true, enterpriseId: query.enterpriseId }),
            )
          : null);
      if (!installation) throw new Error('no installation for this workspace');
      return installation;
    },

    async deleteInstallation(query: InstallationQuery<boolean>) {
      await slackInstallations.deleteOne({ _id: toInstallationId(query) });
    },

    /** The bot token for a tenant (`slack:<team or enterprise id>`), for posts nobody asked for. */
    async fetchBotToken(tenant) {
      const id = tenant.replace(/^slack:/, '');
      const installation = (await find(`team:${id}`)) ?? (await find(`enterprise:${id}`)) ?? null;
      return installation?.bot?.token ?? null;
    },
  };
}
