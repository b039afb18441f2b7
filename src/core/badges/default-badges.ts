/** The default badges: every category, and measures beyond points (SPEC §7). */

const FOUR_RARITIES = ['green', 'blue', 'purple', 'orange'] as const;

/** Levels at the given thresholds, rarer with each. */
function levels(...thresholds: number[]) {
  return thresholds.map((threshold, index) => ({ threshold, rarity: FOUR_RARITIES[index] }));
}

export const DEFAULT_BADGES = [
  {
    key: 'helpful_answers',
    name: 'Helpful Answers',
    description: 'Answers of yours that were marked accepted.',
    category: 'community',
    measure: { kind: 'activity', activities: ['community.answer_accepted'] },
    levels: levels(1, 10, 50, 100),
  },
  {
    key: 'well_liked',
    name: 'Well Liked',
    description: 'Upvotes your posts received.',
    category: 'community',
    measure: { kind: 'activity', activities: ['community.upvote_received'] },
    levels: levels(10, 100, 500, 1000),
  },
  {
    key: 'app_publisher',
    name: 'App Publisher',
    description: 'Apps you published on the marketplace.',
    category: 'marketplace',
    measure: { kind: 'activity', activities: ['marketplace.app_published'] },
    levels: levels(1, 5, 10, 25),
  },
  {
    key: 'reviewer',
    name: 'Reviewer',
    description: 'Marketplace reviews you wrote.',
    category: 'marketplace',
    measure: { kind: 'activity', activities: ['marketplace.review_added'] },
    levels: levels(1, 10, 50),
  },
  {
    key: 'committer',
    name: 'Committer',
    description: 'Commits to the team server.',
    category: 'platform',
    measure: { kind: 'activity', activities: ['platform.team_server_commit'] },
    levels: levels(10, 100, 500, 1000),
  },
  {
    key: 'app_builder',
    name: 'App Builder',
    description: 'Apps you created on the platform.',
    category: 'platform',
    measure: { kind: 'activity', activities: ['platform.app_created'] },
    levels: levels(1, 10, 50),
  },
  {
    key: 'on_a_roll',
    name: 'On a Roll',
    description: 'Days in a row with activity.',
    category: 'platform',
    measure: { kind: 'active_days' },
    levels: levels(3, 7, 30, 100),
  },
  {
    key: 'certified',
    name: 'Certified',
    description: 'Your highest certification: rapid, intermediate, advanced, expert.',
    category: 'learning',
    measure: { kind: 'certification' },
    levels: levels(1, 2, 3, 4),
  },
  {
    key: 'lecture_goer',
    name: 'Lecture Goer',
    description: 'Lectures you completed.',
    category: 'learning',
    measure: { kind: 'activity', activities: ['learning.lecture_completed'] },
    levels: levels(10, 50, 200),
  },
  {
    key: 'speaker',
    name: 'Speaker',
    description: 'Presentations you gave.',
    category: 'learning',
    measure: { kind: 'activity', activities: ['learning.presentation_given'] },
    levels: levels(1, 5, 10),
  },
  {
    key: 'connector',
    name: 'Connector',
    description: 'Members you are connected with.',
    category: 'impact',
    measure: { kind: 'connections' },
    levels: levels(5, 25, 100),
  },
  {
    key: 'recruiter',
    name: 'Recruiter',
    description: 'Friends you referred who became active.',
    category: 'impact',
    measure: { kind: 'activity', activities: ['impact.friend_referred'] },
    levels: levels(1, 5, 10),
  },
  {
    key: 'challenger',
    name: 'Challenger',
    description: 'Challenges you completed.',
    category: 'impact',
    measure: { kind: 'challenges' },
    levels: levels(1, 5, 20),
  },
  {
    key: 'hackathoner',
    name: 'Hackathoner',
    description: 'Hackathons you attended or placed in.',
    category: 'impact',
    measure: {
      kind: 'activity',
      activities: [
        'impact.hackathon_attended',
        'impact.hackathon_won',
        'impact.hackathon_runner_up',
      ],
    },
    levels: levels(1, 3, 10),
  },
];
