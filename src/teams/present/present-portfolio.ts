/** Renders portfolios and projects as Adaptive Card bodies. */
import type { PortfolioView, ProjectView } from '../../core/portfolio/portfolio-view.js';
import {
  DRAFT_MARK,
  toEmptyPortfolioText,
  toProjectSections,
} from '../../present/portfolio-text.js';

type CardElement = Record<string, unknown> & { type: string };

/** The list of projects, each with its Open button. */
export function presentPortfolioBody(
  view: PortfolioView,
  toCardText: (text: string) => string,
): CardElement[] {
  const owner = view.owner.isViewer
    ? 'Your portfolio'
    : `Portfolio: ${toCardText(view.owner.displayName)}`;
  const body: CardElement[] = [
    { type: 'TextBlock', text: owner, size: 'Large', weight: 'Bolder', wrap: true },
  ];
  if (view.projects.length === 0) {
    body.push({ type: 'TextBlock', text: toEmptyPortfolioText(view.owner.isViewer), wrap: true });
  }
  for (const project of view.projects) {
    const draft = project.status === 'draft' ? ` (${DRAFT_MARK})` : '';
    body.push({
      type: 'ColumnSet',
      separator: true,
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            {
              type: 'TextBlock',
              text: toCardText(project.appName) + draft,
              weight: 'Bolder',
              wrap: true,
            },
            {
              type: 'TextBlock',
              text: toCardText(project.customer),
              isSubtle: true,
              spacing: 'None',
              wrap: true,
            },
          ],
        },
        {
          type: 'Column',
          width: 'auto',
          items: [
            {
              type: 'ActionSet',
              actions: [
                {
                  type: 'Action.Submit',
                  title: project.open.label,
                  data: { command: project.open.command },
                },
              ],
            },
          ],
        },
      ],
    });
  }
  return body;
}

/** One project in detail. */
export function presentProjectBody(
  view: ProjectView,
  toCardText: (text: string) => string,
): CardElement[] {
  const byline =
    `by ${toCardText(view.owner.displayName)}` +
    (view.status === 'draft' ? ` · ${DRAFT_MARK}: only you see it` : '');
  return [
    {
      type: 'TextBlock',
      text: toCardText(view.content.appName),
      size: 'Large',
      weight: 'Bolder',
      wrap: true,
    },
    { type: 'TextBlock', text: byline, isSubtle: true, spacing: 'None', wrap: true },
    ...toProjectSections(view.content).flatMap((part): CardElement[] => [
      { type: 'TextBlock', text: part.title, weight: 'Bolder', spacing: 'Medium' },
      { type: 'TextBlock', text: toCardText(part.text), wrap: true, spacing: 'None' },
    ]),
  ];
}
