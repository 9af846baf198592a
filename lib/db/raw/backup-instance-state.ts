// Tables a backup leaves out and a restore empties: this instance's
// sign-ins (sessions), counters (rate_limits) and the change log's capture
// table (empty whenever no write transaction is open). A restored database
// starts with nobody signed in and no one locked out; a backup file therefore
// never carries a live session. Both engines' backup code reads this one list.
export const INSTANCE_STATE_TABLES = ["sessions", "rate_limits", "change_capture"] as const;
