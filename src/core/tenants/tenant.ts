/** A tenant: one Slack workspace or Teams tenant, written `slack:<id>` or `teams:<id>`. */
import type { ActivityCatalog } from '../catalog/activity-catalog.js';

export interface TenantSettings {
  id: string;
  /** IANA time zone that days, caps and leaderboards follow. */
  timeZone: string;
  catalog: ActivityCatalog;
}

/** Reads tenant settings, creating a tenant with the defaults on first use. */
export interface TenantDirectory {
  get(tenant: string): Promise<TenantSettings>;
  /** Every tenant that has been used. */
  listIds(): Promise<string[]>;
}

const TENANT_PATTERN = /^(slack|teams):[A-Za-z0-9._-]{1,100}$/;

/** Whether the string is a tenant id such as `slack:T0123` or `teams:<guid>`. */
export function isTenantId(value: string): boolean {
  return TENANT_PATTERN.test(value);
}
