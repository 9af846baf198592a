import "server-only";
import { findAddressSpaceViolations } from "@/lib/services/integrity/find-address-space-violations";

/** At most this many rows are printed; the rest is a count. */
export const LOGGED_VIOLATIONS = 50;

/**
 * The start-up check: lists rows written before the address-space rules that
 * break them (one line each, capped with a count). It never stops a start:
 * the rows stay, the dnsmasq export leaves them out, and a failing check is
 * only reported.
 */
export async function logAddressSpaceViolations(log: (line: string) => void): Promise<number> {
  try {
    const violations = await findAddressSpaceViolations();
    if (violations.length === 0) return 0;
    log(`Address-space check: ${violations.length} row(s) written before the current rules break them; fix them in the UI or API (the dnsmasq export leaves them out meanwhile):`);
    for (const v of violations.slice(0, LOGGED_VIOLATIONS)) log(`  ${v.message}`);
    if (violations.length > LOGGED_VIOLATIONS) log(`  … and ${violations.length - LOGGED_VIOLATIONS} more`);
    return violations.length;
  } catch (error) {
    log(`Address-space check failed, starting anyway: ${error instanceof Error ? error.message : String(error)}`);
    return 0;
  }
}
