/** Renders portfolios and projects in Block Kit. */
import type { types } from '@slack/bolt';
import type { PortfolioView, ProjectView } from '../../core/portfolio/portfolio-view.js';
import { escapeText, header, section } from './blocks.js';
import {
  DRAFT_MARK,
  toEmptyPortfolioText,
  toProjectSections,
} from '../../present/portfolio-text.js';

type KnownBlock = types.KnownBlock;

/** Action ids of the per-project buttons start after those of a message's actions block. */
const FIRST_PROJECT_BUTTON = 10;

/** The list of projects, each with its Open button; the caller adds the view's actions. */
export function presentPortfolioBlocks(view: PortfolioView, buttonPrefix: string): KnownBlock[] {
  const owner = view.owner.isViewer ? 'Your portfolio' : `Portfolio: ${view.owner.displayName}`;
  const blocks: KnownBlock[] = [header(owner)];
  if (view.projects.length === 0) blocks.push(section(toEmptyPortfolioText(view.owner.isViewer)));

  view.projects.forEach((project, index) => {
    const draft = project.status === 'draft' ? `  _${DRAFT_MARK}_` : '';
    const customer = project.customer ? `\n${escapeText(project.customer)}` : '';
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `*${escapeText(project.appName)}*${draft}${customer}` },
      accessory: {
        type: 'button',
        action_id: `${buttonPrefix}${FIRST_PROJECT_BUTTON + index}`,
        text: { type: 'plain_text', text: project.open.label },
        value: project.open.command,
      },
    });
  });
  return blocks;
}

/** One project in detail; the caller adds the view's actions. */
export function presentProjectBlocks(view: ProjectView): KnownBlock[] {
  const byline = [`by <@${view.owner.userId}>`];
  if (view.status === 'draft') byline.push(`*${DRAFT_MARK}*: only you see it`);
  return [
    header(view.content.appName),
    { type: 'context', elements: [{ type: 'mrkdwn', text: byline.join(' · ') }] },
    ...toProjectSections(view.content).map((part) =>
      section(`*${part.title}*\n${escapeText(part.text)}`),
    ),
  ];
}
