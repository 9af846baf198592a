// Tables a backup leaves out and a restore empties: this instance's
// sign-ins (sessions), counters (rate_limits) and the change log's capture
// table (empty whenever no write transaction is open). A restored database
// starts with nobody signed in and no one locked out; a backup file therefore
// never carries a live session. network_counts and host_blocks are derived:
// the count triggers (lib/db/count-triggers.ts) rebuild them from the
// restored hosts, so emptied first they end up exact. Both engines' backup
// code reads this one list.
export const INSTANCE_STATE_TABLES = ["sessions", "rate_limits", "change_capture", "network_counts", "host_blocks"] as const;
