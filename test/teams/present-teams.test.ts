import { describe, expect, it } from 'vitest';
import { COMMAND_HELP } from '../../src/core/commands/grammar.js';
import { toCategoryBars } from '../../src/core/profile/answer-command.js';
import type { View } from '../../src/core/profile/profile-view.js';
import { toLevelProgress } from '../../src/core/scoring/levels.js';
import { presentTeamsMessage } from '../../src/teams/present/present-teams.js';
import { expectValidAdaptiveCard } from '../support/adaptive-cards.js';

const subject = { userId: 'aad-ada', displayName: 'Ada', company: 'Contoso', isViewer: true };
const categories = toCategoryBars({ categories: { community: 120, learning: 35 } });
const actions = [{ label: 'My points by category', command: 'stats' }];

const VIEWS: View[] = [
  {
    kind: 'profile',
    subject,
    points: 155,
    level: toLevelProgress(155),
    credits: 3,
    connections: 2,
    position: { rank: 2, points: 40 },
    featuredBadges: [{ key: 'speaker', name: 'Speaker', level: 2, rarity: 'blue' }],
    assignedChallenge: {
      title: 'Community helper',
      stepsDone: 1,
      stepCount: 2,
      credits: 50,
      timeText: '12 days left',
    },
    categories,
    actions,
  },
  {
    kind: 'profile',
    subject,
    points: 60_000,
    level: toLevelProgress(60_000),
    credits: 0,
    connections: 0,
    position: null,
    featuredBadges: [],
    assignedChallenge: null,
    categories,
    actions: [],
  },
  {
    kind: 'stats',
    subject,
    points: 155,
    level: toLevelProgress(155),
    categories,
    adjustments: -20,
    actions: [],
  },
  { kind: 'help', commands: [...COMMAND_HELP], actions },
  { kind: 'usage', problem: 'I don’t know the command “x”.', commands: [...COMMAND_HELP], actions },
  {
    kind: 'leaderboard',
    title: 'Everyone',
    window: { from: '2026-11-04', to: '2026-12-03' },
    rows: [
      { rank: 1, displayName: 'Grace [x](http://evil)', points: 90, isViewer: false },
      { rank: 2, displayName: 'Ada', points: 40, isViewer: true },
      { rank: 2, displayName: 'Linus', points: 40, isViewer: false },
    ],
    viewer: null,
    minutesSinceUpdate: 3,
    actions,
  },
  {
    kind: 'leaderboard',
    title: 'Community',
    window: { from: '2026-11-04', to: '2026-12-03' },
    rows: [{ rank: 1, displayName: 'Grace', points: 90, isViewer: false }],
    viewer: { rank: 14, points: 5 },
    minutesSinceUpdate: 0,
    actions: [],
  },
  { kind: 'notice', message: 'No one at “Initech” has points in the last 30 days.', actions },
  { kind: 'no_profile', userId: 'aad-nobody' },
  { kind: 'failure', message: 'Sorry.' },
];

describe('presentTeamsMessage', () => {
  it.each(VIEWS.map((view) => [view.kind, view] as const))(
    'renders a %s view as a valid Adaptive Card 1.5',
    (_kind, view) => {
      const { card, text } = presentTeamsMessage(view);

      expect(card.version).toBe('1.5');
      expect(text.length).toBeGreaterThan(0);
      expectValidAdaptiveCard(card);
    },
  );

  it('says the top level is reached instead of points to a next level', () => {
    const { card } = presentTeamsMessage(VIEWS[1]!);

    expect(JSON.stringify(card)).toContain('Top level reached');
  });

  it('renders each action of the view as a button that sends its command back', () => {
    const withActions = presentTeamsMessage(VIEWS[0]!).card;
    const without = presentTeamsMessage(VIEWS[1]!).card;

    expect(withActions.actions).toEqual([
      { type: 'Action.Submit', title: 'My points by category', data: { command: 'stats' } },
    ]);
    expect(without.actions).toBeUndefined();
  });
});

describe('the card check', () => {
  it('fails for an element type Adaptive Cards do not have', () => {
    const card = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Marquee', text: 'x' }] };

    expect(() => expectValidAdaptiveCard(card)).toThrow();
  });

  it('fails for a property Adaptive Cards do not have', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [{ type: 'TextBlock', text: 'x', wieght: 'Bolder' }],
    };

    expect(() => expectValidAdaptiveCard(card)).toThrow();
  });

  it('fails for a card declaring a schema newer than 1.5', () => {
    const card = { type: 'AdaptiveCard', version: '1.6', body: [{ type: 'TextBlock', text: 'x' }] };

    expect(() => expectValidAdaptiveCard(card)).toThrow();
  });
});
