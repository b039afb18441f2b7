/** Names of the one-holder claims the scoring takes. */

/** The claim on a company-wide once-only activity, held by the event that earned it. */
export function toCompanyClaimKey(tenant: string, activity: string, company: string): string {
  return `once|${tenant}|${activity}|${company}`;
}

/** The claim on reversing an event, held by the reversal that took it back. */
export function toReversalClaimKey(tenant: string, reversedEventKey: string): string {
  return `reversal|${tenant}|${reversedEventKey}`;
}
