/** What members see of portfolios: a member's list of projects, and one project in detail. */
import type { CommandAction } from '../profile/profile-view.js';
import type { ProjectContent, ProjectStatus } from './project.js';

/** One project in a list, with the button that opens it. */
export interface ProjectSummary {
  id: string;
  appName: string;
  customer: string;
  status: ProjectStatus;
  open: CommandAction;
}

export interface PortfolioView {
  kind: 'portfolio';
  owner: { userId: string; displayName: string; isViewer: boolean };
  /** Published projects, and the owner's drafts when the owner looks. */
  projects: ProjectSummary[];
  actions: CommandAction[];
}

export interface ProjectView {
  kind: 'project';
  owner: { userId: string; displayName: string; isViewer: boolean };
  status: ProjectStatus;
  content: ProjectContent;
  actions: CommandAction[];
}
