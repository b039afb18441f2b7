/** Portfolio projects, one document each, found by tenant, member and project id. */
import type { ProjectRepository } from '../core/portfolio/ports.js';
import type { Project } from '../core/portfolio/project.js';
import { toDocumentId, type Collections, type ProjectDocument } from './collections.js';
import { upsertTwice } from './upsert.js';

export function createProjectRepository(collections: Collections): ProjectRepository {
  const { projects } = collections;

  return {
    async find(tenant, member, id) {
      const document = await projects.findOne({ _id: toDocumentId(tenant, member, id) });
      return document ? toProject(document) : null;
    },

    async listOf(tenant, member) {
      const documents = await projects.find({ tenant, member }).sort({ updatedAt: -1 }).toArray();
      return documents.map(toProject);
    },

    async save(project) {
      const _id = toDocumentId(project.tenant, project.member, project.id);
      await upsertTwice(() => projects.replaceOne({ _id }, project, { upsert: true }));
    },
  };
}

function toProject(document: ProjectDocument): Project {
  const { _id, ...project } = document;
  return project;
}
