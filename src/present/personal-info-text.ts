/** The personal-info card as lines of text, the same on every platform. */
import type { PersonalInfo } from '../core/profile/personal-info.js';

/** Label and value of each filled-in field, in the order the card shows them. */
export function toPersonalInfoFacts(info: PersonalInfo): { title: string; value: string }[] {
  const facts = [
    { title: 'Title', value: info.title },
    { title: 'Company', value: info.company },
    { title: 'Country', value: info.country },
    { title: 'Skills', value: info.skills.join(', ') },
    { title: 'Links', value: info.links.join('  ') },
  ];
  return facts.filter((fact) => fact.value !== '');
}

export const PRIVATE_NOTE = 'Private profile: only you and the community admins see it.';

/** What others read about a private profile. */
export function toPrivateProfileText(displayName: string): string {
  return `${displayName} keeps their profile private.`;
}
