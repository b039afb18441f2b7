/** Where portfolio projects are kept. */
import type { Project } from './project.js';

export interface ProjectRepository {
  find(tenant: string, member: string, id: string): Promise<Project | null>;
  /** The member's projects, the most recently changed first. */
  listOf(tenant: string, member: string): Promise<Project[]>;
  /** Stores the project, replacing an earlier version of it. */
  save(project: Project): Promise<void>;
}
