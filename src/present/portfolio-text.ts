/** Portfolio text both renderers use. */
import type { ProjectContent } from '../core/portfolio/project.js';

/** The labelled parts of a project's details, in the order they are shown. */
export function toProjectSections(content: ProjectContent): { title: string; text: string }[] {
  const sections = [
    { title: 'Customer', text: content.customer },
    { title: 'Business need', text: content.businessNeed },
    { title: 'Solution', text: content.solution },
    { title: 'Results', text: content.results },
    { title: 'Link', text: content.link },
  ];
  return sections.filter((section) => section.text !== '');
}

export const DRAFT_MARK = 'Draft';

/** What an empty portfolio says, to its owner or to others. */
export function toEmptyPortfolioText(isViewer: boolean): string {
  return isViewer
    ? 'Your portfolio has no projects yet. Add the first one: what you built, for whom, and what it changed.'
    : 'No published projects yet.';
}
