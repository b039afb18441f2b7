/** Where profile settings are kept. */
import type { ProfileSettings } from './personal-info.js';

export interface ProfileSettingsRepository {
  /** The member's settings, or null when the member never saved any. */
  find(tenant: string, userId: string): Promise<ProfileSettings | null>;
  /** Whether the member's profile is private; false when never set. */
  isPrivate(tenant: string, userId: string): Promise<boolean>;
  save(tenant: string, userId: string, settings: ProfileSettings): Promise<void>;
}
