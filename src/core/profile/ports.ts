/** What the profile reads besides points. */

/** Balances kept by the credit ledger and the connections of members. */
export interface ProfileCounters {
  creditsOf(tenant: string, member: string): Promise<number>;
  connectionsOf(tenant: string, member: string): Promise<number>;
}
