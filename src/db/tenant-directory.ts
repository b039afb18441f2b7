/** Tenant settings: created with the defaults on first use, with the configured overrides. */
import {
  withOverrides,
  type ActivityCatalog,
  type ActivityOverrides,
} from '../core/catalog/activity-catalog.js';
import { BoundedMap } from '../core/shared/bounded-map.js';
import type { Clock } from '../core/shared/clock.js';
import type { TenantDirectory, TenantSettings } from '../core/tenants/tenant.js';
import { isDuplicateKeyError, type Collections, type TenantDocument } from './collections.js';

export interface TenantDirectoryOptions {
  defaultTimeZone: string;
  /** Activity overrides by tenant id, already validated against the catalog. */
  overrides: Record<string, ActivityOverrides>;
  baseCatalog: ActivityCatalog;
  clock: Clock;
}

/** How long a process trusts tenant settings it read; a change reaches every process by then. */
const SETTINGS_TTL_MS = 60_000;

export function createTenantDirectory(
  collections: Collections,
  options: TenantDirectoryOptions,
): TenantDirectory {
  const catalogs = new Map<string, ActivityCatalog>();
  const recent = new BoundedMap<string, { settings: TenantSettings; readAt: number }>(1000);

  function catalogOf(tenant: string): ActivityCatalog {
    const overrides = options.overrides[tenant];
    if (!overrides) return options.baseCatalog;
    let catalog = catalogs.get(tenant);
    if (!catalog) {
      catalog = withOverrides(options.baseCatalog, overrides);
      catalogs.set(tenant, catalog);
    }
    return catalog;
  }

  async function findOrCreate(tenant: string): Promise<TenantDocument> {
    const existing = await collections.tenants.findOne({ _id: tenant });
    if (existing) return existing;

    const document = {
      _id: tenant,
      timeZone: options.defaultTimeZone,
      createdAt: options.clock.now(),
    };
    try {
      await collections.tenants.insertOne(document);
      return document;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return (await collections.tenants.findOne({ _id: tenant }))!;
    }
  }

  return {
    async listIds() {
      const documents = await collections.tenants.find({}, { projection: { _id: 1 } }).toArray();
      return documents.map((document) => document._id).sort();
    },

    async get(tenant): Promise<TenantSettings> {
      const now = Date.now();
      const cached = recent.get(tenant);
      if (cached && now - cached.readAt < SETTINGS_TTL_MS) return cached.settings;

      const document = await findOrCreate(tenant);
      const settings = { id: tenant, timeZone: document.timeZone, catalog: catalogOf(tenant) };
      recent.set(tenant, { settings, readAt: now });
      return settings;
    },
  };
}
