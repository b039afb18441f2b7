/** Renders the challenges view as a Slack message. */
import type { ChallengeLine, ChallengesView } from '../../core/challenges/challenge-view.js';
import {
  NO_CHALLENGES_TEXT,
  toChallengeFacts,
  toCreditsText,
  toStepText,
} from '../../present/challenge-text.js';
import {
  buttons,
  context,
  escapeText,
  header,
  section,
  withinBlockLimit,
  type KnownBlock,
} from './blocks.js';
import type { SlackMessage } from './present-slack.js';

export function presentChallenges(view: ChallengesView): SlackMessage {
  const blocks: KnownBlock[] = [header('Challenges')];
  if (view.message) blocks.push(section(`:information_source: ${escapeText(view.message)}`));
  blocks.push(context(toCreditsText(view.credits)));
  if (view.challenges.length === 0) blocks.push(section(NO_CHALLENGES_TEXT));
  blocks.push(...view.challenges.map((line) => section(challengeText(line), line.action)));
  blocks.push(...buttons(view.actions));
  return {
    text: view.message ?? `Challenges: ${view.challenges.length} open`,
    blocks: withinBlockLimit(blocks),
  };
}

function challengeText(line: ChallengeLine): string {
  const steps = line.steps.map((step) => `• ${escapeText(toStepText(step))}`);
  return [`*${escapeText(line.title)}* · ${toChallengeFacts(line)}`, ...steps].join('\n');
}
