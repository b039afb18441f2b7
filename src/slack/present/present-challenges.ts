/** Renders the challenges view as a Slack message. */
import type { ChallengeLine, ChallengesView } from '../../core/challenges/challenge-view.js';
import { NO_CHALLENGES_TEXT, toChallengeFacts, toStepText } from '../../present/challenge-text.js';
import { escapeText } from './blocks.js';
import { presentCreditListBlocks } from './present-credit-list.js';
import type { SlackMessage } from './present-slack.js';

export function presentChallenges(view: ChallengesView): SlackMessage {
  const blocks = presentCreditListBlocks({
    title: 'Challenges',
    message: view.message,
    credits: view.credits,
    emptyText: NO_CHALLENGES_TEXT,
    lines: view.challenges.map((line) => ({ text: challengeText(line), action: line.action })),
    actions: view.actions,
  });
  return { text: view.message ?? `Challenges: ${view.challenges.length} open`, blocks };
}

function challengeText(line: ChallengeLine): string {
  const steps = line.steps.map((step) => `• ${escapeText(toStepText(step))}`);
  return [`*${escapeText(line.title)}* · ${toChallengeFacts(line)}`, ...steps].join('\n');
}
