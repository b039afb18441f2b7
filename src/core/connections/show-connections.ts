/** `connections`: the viewer's connections, their invitations both ways, people to meet. */
import type { Viewer } from '../profile/answer-command.js';
import type { MemberRepository } from '../members/ports.js';
import type { CandidateProfile } from './connection.js';
import type { ConnectionsView, PersonRef, Suggestion } from './connection-view.js';
import type { ConnectionRepository } from './ports.js';
import { rankCandidates, type CandidateSignals } from './suggest-people.js';

/** Suggestions shown at once. */
const SUGGESTIONS = 5;

/** Connections of connections looked at; beyond this the list is long enough to rank. */
const MAX_SECOND_DEGREE = 50;

/** Colleagues and channel neighbours read at most. */
const MAX_NEIGHBOURS = 200;

export interface ShowConnectionsOptions {
  repository: ConnectionRepository;
  members: MemberRepository;
  toPerson(tenant: string, userId: string): Promise<PersonRef>;
}

export function createShowConnections(options: ShowConnectionsOptions) {
  const { repository, members, toPerson } = options;

  return async function showConnections(viewer: Viewer): Promise<ConnectionsView> {
    const { tenant, userId } = viewer;
    const [connected, invitations] = await Promise.all([
      repository.listConnections(tenant, userId),
      repository.listInvitations(tenant, userId),
    ]);
    const connectedSet = new Set(connected);

    // An invitation between connected members is settled, whoever's click connected them.
    const incoming = invitations.received
      .filter((invitation) => invitation.decision === null && !connectedSet.has(invitation.inviter))
      .map((invitation) => invitation.inviter);
    const outgoing = invitations.sent
      .filter((invitation) => !connectedSet.has(invitation.invitee))
      .map((invitation) => invitation.invitee);
    const excluded = new Set([
      userId,
      ...connected,
      ...invitations.sent.map((invitation) => invitation.invitee),
      ...invitations.received.map((invitation) => invitation.inviter),
    ]);

    const people = (ids: string[]) => Promise.all(ids.map((id) => toPerson(tenant, id)));
    return {
      kind: 'connections',
      connections: sortByName(await people(connected)),
      incoming: await people(incoming),
      outgoing: await people(outgoing),
      suggestions: await suggest(viewer, connected, excluded),
      actions: [{ label: 'My referral link', command: 'referral' }],
    };
  };

  async function suggest(
    viewer: Viewer,
    connected: string[],
    excluded: Set<string>,
  ): Promise<Suggestion[]> {
    const { tenant, userId } = viewer;
    const mutual = new Map<string, number>();
    const secondDegree = await Promise.all(
      connected.slice(0, MAX_SECOND_DEGREE).map((id) => repository.listConnections(tenant, id)),
    );
    for (const id of secondDegree.flat()) mutual.set(id, (mutual.get(id) ?? 0) + 1);

    const me = await members.findByUserId(tenant, userId);
    const colleagues = me?.company
      ? await repository.listCompanyMembers(tenant, me.company.key, MAX_NEIGHBOURS)
      : [];
    const channels = await repository.listChannels(tenant, userId);
    const shared = new Map<string, number>();
    for (const row of await repository.listChannelMembers(tenant, channels, MAX_NEIGHBOURS)) {
      shared.set(row.member, (shared.get(row.member) ?? 0) + 1);
    }

    const ids = [...new Set([...mutual.keys(), ...colleagues, ...shared.keys()])].filter(
      (id) => !excluded.has(id),
    );
    const profiles = (await repository.findProfiles(tenant, ids)).filter(
      (profile) => !profile.private,
    );
    const signals: CandidateSignals[] = profiles.map((profile) => ({
      profile,
      mutualConnections: mutual.get(profile.userId) ?? 0,
      sameCompany: me?.company != null && profile.company?.key === me.company.key,
      sharedChannels: shared.get(profile.userId) ?? 0,
    }));
    return rankCandidates(signals, SUGGESTIONS).map(({ profile, reason }) => ({
      person: toPersonRef(profile),
      reason,
      invite: { label: '+ Connect', command: `connect <@${profile.userId}>` },
    }));
  }
}

function toPersonRef(profile: CandidateProfile): PersonRef {
  return {
    userId: profile.userId,
    displayName: profile.displayName ?? profile.userId,
    company: profile.company?.name ?? null,
  };
}

function sortByName(people: PersonRef[]): PersonRef[] {
  return [...people].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
