/**
 * Portfolios (SPEC §11): members add projects in an editor, keep incomplete ones as drafts that
 * only they see, publish them, and browse the published projects of others.
 */
import { randomBytes } from 'node:crypto';
import type { FormView } from '../forms/form-view.js';
import type { FormOutcome, FormValues } from '../forms/form-values.js';
import type { MemberRepository } from '../members/ports.js';
import type { CommandAction, View } from '../profile/profile-view.js';
import type { ProfileSettingsRepository } from '../profile/settings-ports.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/logger.js';
import type { PortfolioView, ProjectSummary } from './portfolio-view.js';
import type { ProjectRepository } from './ports.js';
import { readProject, toProjectForm, type Project } from './project.js';

/** Most projects a member keeps; lists stay within what a message can show. */
export const MAX_PROJECTS = 30;

const ADD_PROJECT: CommandAction = { label: 'Add Project', command: 'portfolio add' };
const MY_PORTFOLIO: CommandAction = { label: 'My portfolio', command: 'portfolio' };

export interface PortfolioOptions {
  projects: ProjectRepository;
  members: MemberRepository;
  settings: Pick<ProfileSettingsRepository, 'isPrivate'>;
  isAdmin(tenant: string, userId: string): Promise<boolean>;
  clock: Clock;
  logger: Logger;
}

interface Viewer {
  tenant: string;
  userId: string;
}

export interface Portfolio {
  list(viewer: Viewer, owner: string): Promise<View>;
  show(viewer: Viewer, owner: string, id: string): Promise<View>;
  /** The editor for a new project, or for one of the viewer's own. */
  edit(viewer: Viewer, id: string | null): Promise<View>;
  submit(
    viewer: Viewer,
    key: string,
    intent: string,
    values: FormValues,
  ): Promise<FormOutcome<View>>;
}

export function createPortfolio(options: PortfolioOptions): Portfolio {
  const { projects, members, clock } = options;
  const logger = options.logger.child({ module: 'portfolio' });

  /** The owner's name, or a view saying why the viewer sees nothing of the owner. */
  async function ownerOf(viewer: Viewer, owner: string) {
    const member = await members.findByUserId(viewer.tenant, owner);
    if (!member) return { hidden: { kind: 'no_profile', userId: owner } as View };
    const displayName = member.displayName ?? owner;
    const isViewer = owner === viewer.userId;
    if (!isViewer && (await options.settings.isPrivate(viewer.tenant, owner))) {
      if (!(await options.isAdmin(viewer.tenant, viewer.userId))) {
        return { hidden: { kind: 'private_profile', userId: owner, displayName } as View };
      }
    }
    return { owner: { userId: owner, displayName, isViewer } };
  }

  async function list(viewer: Viewer, ownerId: string): Promise<View> {
    const found = await ownerOf(viewer, ownerId);
    if (!found.owner) return found.hidden!;
    const { owner } = found;

    const all = await projects.listOf(viewer.tenant, ownerId);
    const visible = all.filter((project) => owner.isViewer || project.status === 'published');
    const view: PortfolioView = {
      kind: 'portfolio',
      owner,
      projects: visible.map((project) => toSummary(project, owner.isViewer)),
      actions: owner.isViewer && all.length < MAX_PROJECTS ? [ADD_PROJECT] : [],
    };
    return view;
  }

  async function show(viewer: Viewer, ownerId: string, id: string): Promise<View> {
    const found = await ownerOf(viewer, ownerId);
    if (!found.owner) return found.hidden!;
    const { owner } = found;

    const project = await projects.find(viewer.tenant, ownerId, id);
    if (!project || (project.status === 'draft' && !owner.isViewer)) return notFound();
    const edit = {
      label: project.status === 'draft' ? 'Edit draft' : 'Edit',
      command: `portfolio edit ${id}`,
    };
    const back = owner.isViewer
      ? MY_PORTFOLIO
      : { label: 'Back to portfolio', command: `portfolio <@${ownerId}>` };
    const { appName, customer, businessNeed, solution, results, link } = project;
    return {
      kind: 'project',
      owner,
      status: project.status,
      content: { appName, customer, businessNeed, solution, results, link },
      actions: owner.isViewer ? [edit, back] : [back],
    };
  }

  async function edit(viewer: Viewer, id: string | null): Promise<View> {
    if (id === null) {
      const count = (await projects.listOf(viewer.tenant, viewer.userId)).length;
      if (count >= MAX_PROJECTS) return tooMany();
      return toProjectForm(null);
    }
    const project = await projects.find(viewer.tenant, viewer.userId, id);
    return project ? toProjectForm(project) : notFound();
  }

  async function submit(
    viewer: Viewer,
    key: string,
    intent: string,
    values: FormValues,
  ): Promise<FormOutcome<View>> {
    const read = readProject(values, intent);
    if (!read.ok) {
      const form: FormView = toProjectForm(null, values, read.errors, key);
      return { ok: false, errors: read.errors, form };
    }

    const existing = key ? await projects.find(viewer.tenant, viewer.userId, key) : null;
    if (key && !existing) return { ok: true, view: notFound() };
    if (!existing && (await projects.listOf(viewer.tenant, viewer.userId)).length >= MAX_PROJECTS) {
      return { ok: true, view: tooMany() };
    }

    const now = clock.now();
    const project: Project = {
      tenant: viewer.tenant,
      member: viewer.userId,
      id: existing?.id ?? newProjectId(),
      status: read.status,
      ...read.content,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await members.ensureExists(viewer.tenant, viewer.userId, now);
    await projects.save(project);
    logger.info(
      { tenant: viewer.tenant, member: viewer.userId, project: project.id, status: project.status },
      'project saved',
    );

    const message =
      project.status === 'published'
        ? `“${project.appName}” is published in your portfolio.`
        : `“${project.appName}” is saved as a draft; only you see it until you publish it.`;
    const open = { label: 'Open', command: `portfolio show ${project.id}` };
    return { ok: true, view: { kind: 'notice', message, actions: [open, MY_PORTFOLIO] } };
  }

  return { list, show, edit, submit };
}

function toSummary(project: Project, ownView: boolean): ProjectSummary {
  const command = ownView
    ? `portfolio show ${project.id}`
    : `portfolio show <@${project.member}> ${project.id}`;
  return {
    id: project.id,
    appName: project.appName,
    customer: project.customer,
    status: project.status,
    open: { label: 'Open', command },
  };
}

/** Eight characters from a-z and 0-9, as the grammar reads project ids. */
function newProjectId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(8), (byte) => alphabet[byte % alphabet.length]).join('');
}

function notFound(): View {
  return {
    kind: 'notice',
    message: 'There is no such project, or it is a draft of someone else.',
    actions: [MY_PORTFOLIO],
  };
}

function tooMany(): View {
  return {
    kind: 'notice',
    message: `A portfolio holds at most ${MAX_PROJECTS} projects.`,
    actions: [MY_PORTFOLIO],
  };
}
