/** Connections, invitations and their answers, and the channels members use the bot in. */
import { toPair, type Invitation } from '../core/connections/connection.js';
import type { ConnectionRepository } from '../core/connections/ports.js';
import { BoundedMap } from '../core/shared/bounded-map.js';
import type { Collections, MemberDocument } from './collections.js';
import { toDocumentId } from './collections.js';
import { insertOnce } from './upsert.js';
import type { InvitationDocument } from './connection-documents.js';

/** Channel notes this process wrote; noting one again would only be refused. */
const REMEMBERED_CHANNELS = 20_000;

export function createConnectionRepository(collections: Collections): ConnectionRepository {
  const { connections, invitations, invitationDecisions, memberChannels, members } = collections;
  const noted = new BoundedMap<string, true>(REMEMBERED_CHANNELS);

  const pairId = (tenant: string, a: string, b: string) => toDocumentId(tenant, ...toPair(a, b));
  const invitationId = (tenant: string, inviter: string, invitee: string) =>
    toDocumentId(tenant, inviter, invitee);

  async function withDecisions(documents: InvitationDocument[]) {
    const decisions = await invitationDecisions
      .find({ _id: { $in: documents.map((document) => document._id) } })
      .toArray();
    const byId = new Map(decisions.map((decision) => [decision._id, decision.decision]));
    return documents.map((document) => ({
      ...toInvitation(document),
      decision: byId.get(document._id) ?? null,
    }));
  }

  return {
    async isConnected(tenant, a, b) {
      return (await connections.findOne({ _id: pairId(tenant, a, b) })) !== null;
    },

    async connect(tenant, a, b, now) {
      return insertOnce(() =>
        connections.insertOne({
          _id: pairId(tenant, a, b),
          tenant,
          members: toPair(a, b),
          createdAt: now,
        }),
      );
    },

    async listConnections(tenant, member) {
      const documents = await connections.find({ tenant, members: member }).toArray();
      return documents.map((document) => document.members.find((id) => id !== member)!);
    },

    async countConnections(tenant, member) {
      return connections.countDocuments({ tenant, members: member });
    },

    async addInvitation(invitation) {
      const _id = invitationId(invitation.tenant, invitation.inviter, invitation.invitee);
      const added = await insertOnce(() => invitations.insertOne({ _id, ...invitation }));
      return added ? 'added' : 'exists';
    },

    async findInvitation(tenant, inviter, invitee) {
      const document = await invitations.findOne({ _id: invitationId(tenant, inviter, invitee) });
      if (!document) return null;
      const decision = await invitationDecisions.findOne({ _id: document._id });
      return { ...toInvitation(document), decision: decision?.decision ?? null };
    },

    async saveMessages(invitation, messages) {
      const _id = invitationId(invitation.tenant, invitation.inviter, invitation.invitee);
      await invitations.updateOne({ _id }, { $set: messages });
    },

    async decide(invitation, decision, now) {
      const { tenant, inviter, invitee } = invitation;
      const _id = invitationId(tenant, inviter, invitee);
      const first = await insertOnce(() =>
        invitationDecisions.insertOne({ _id, tenant, inviter, invitee, decision, decidedAt: now }),
      );
      if (first) return { decision, first };
      const stored = await invitationDecisions.findOne({ _id });
      return { decision: stored!.decision, first: false };
    },

    async listInvitations(tenant, member) {
      const [sent, received] = await Promise.all([
        invitations.find({ tenant, inviter: member }).sort({ createdAt: 1 }).toArray(),
        invitations.find({ tenant, invitee: member }).sort({ createdAt: 1 }).toArray(),
      ]);
      return { sent: await withDecisions(sent), received: await withDecisions(received) };
    },

    async recordChannel(tenant, member, channel) {
      const _id = toDocumentId(tenant, member, channel);
      if (noted.get(_id)) return;
      await insertOnce(() => memberChannels.insertOne({ _id, tenant, member, channel }));
      noted.set(_id, true);
    },

    async listChannels(tenant, member) {
      const documents = await memberChannels.find({ tenant, member }).limit(100).toArray();
      return documents.map((document) => document.channel);
    },

    async listChannelMembers(tenant, channels, limit) {
      if (channels.length === 0) return [];
      const documents = await memberChannels
        .find({ tenant, channel: { $in: channels } })
        .limit(limit)
        .toArray();
      return documents.map(({ member, channel }) => ({ member, channel }));
    },

    async listCompanyMembers(tenant, companyKey, limit) {
      const documents = await members
        .find({ tenant, 'company.key': companyKey }, { projection: { userId: 1 } })
        .limit(limit)
        .toArray();
      return documents.map((document) => document.userId);
    },

    async findProfiles(tenant, ids) {
      if (ids.length === 0) return [];
      const documents = await members
        .find({ _id: { $in: ids.map((id) => toDocumentId(tenant, id)) } })
        .toArray();
      return documents.map((document: MemberDocument & { private?: unknown }) => ({
        userId: document.userId,
        displayName: document.displayName,
        company: document.company
          ? { key: document.company.key, name: document.company.name }
          : null,
        // Settings may mark a profile private; a member without the field is public.
        private: document.private === true,
      }));
    },
  };
}

function toInvitation(document: InvitationDocument): Invitation {
  const { tenant, inviter, invitee, createdAt } = document;
  return {
    tenant,
    inviter,
    invitee,
    createdAt,
    inviterMessage: document.inviterMessage ?? null,
    inviteeMessage: document.inviteeMessage ?? null,
  };
}
