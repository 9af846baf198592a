// The tables whose every insert, update and delete lands in the change log,
// captured by the database's own triggers (lib/db/change-triggers.ts) so no
// write path can miss one: the services, the importer's bulk SQL and the
// admin CLI all go through them. (A restore turns them off inside its own
// transaction and records its rows from the tables, with the same images.)
//
// `derived`: columns the app maintains itself (tree, counters, timestamps,
// sightings). An update that touches only these is churn, not a change: the
// trigger does not even capture it. `secret`: never captured; only "it
// changed" is kept (a password change shows, its hash never does).

export interface TrackedTable {
  objectType: ChangeObjectType;
  derived: readonly string[];
  secret: string | null;
}

export const changeObjectTypes = ["network", "host", "user", "api_token"] as const;
export type ChangeObjectType = (typeof changeObjectTypes)[number];

// Pure vocabulary, here rather than beside the recorder: the forms' schemas
// (lib/schemas/change.ts, in the browser bundle) read it too.
export const changeActions = ["create", "update", "delete"] as const;
export type ChangeAction = (typeof changeActions)[number];

export const TRACKED_TABLES = {
  networks: { objectType: "network", derived: ["parent_id", "updated_at"], secret: null },
  // last_seen and discovery_source are sightings (discovery's "seen"), not edits.
  hosts: { objectType: "host", derived: ["network_id", "updated_at", "last_seen", "discovery_source"], secret: null },
  users: { objectType: "user", derived: ["last_login_at", "updated_at"], secret: "password_hash" },
  api_tokens: { objectType: "api_token", derived: ["last_used_at"], secret: "token_hash" },
} as const satisfies Record<string, TrackedTable>;

export type TrackedTableName = keyof typeof TRACKED_TABLES;

export const trackedTableOf = (objectType: ChangeObjectType): TrackedTableName =>
  (Object.keys(TRACKED_TABLES) as TrackedTableName[]).find((t) => TRACKED_TABLES[t].objectType === objectType)!;
