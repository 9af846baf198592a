import { describe, expect, it } from "vitest";
import { differingFields, inverseOf, type RevertibleRecord } from "@/lib/services/changes/inverse-change";
import { inverseSteps } from "@/lib/services/changes/inverse-steps";

// What undoes a record, decided from the record alone (no database).

const record = (r: Partial<RevertibleRecord>): RevertibleRecord =>
  ({ id: 7, action: "update", objectType: "host", objectId: 3, objectRepr: "10.0.0.5 web1", before: null, after: null, ...r });

const host = { id: 3, ip_address: "10.0.0.5", family: 4, hostname: "web1", status: "active", network_id: 1, last_seen: null, updated_at: "a" };

describe("inverseOf", () => {
  it("a create is undone by a delete, a host's or network's delete by recreating its before", () => {
    expect(inverseOf(record({ action: "create", after: host }))).toEqual({ kind: "delete", objectType: "host", objectId: 3 });
    expect(inverseOf(record({ action: "delete", before: host }))).toEqual({ kind: "recreate", objectType: "host", objectId: 3, snapshot: host });
  });

  it("an update sets back only its changed written fields; derived ones and timestamps are left to the services", () => {
    const after = { ...host, hostname: "web2", network_id: 2, last_seen: "2026-12-01T00:00:00.000Z", updated_at: "b" };
    expect(inverseOf(record({ before: host, after }))).toEqual({ kind: "set-fields", objectType: "host", objectId: 3, fields: { hostname: "web1" } });
  });

  it("a network's new prefix goes back as its old prefix, whichever of network/cidr changed", () => {
    const before = { network: "10.0.0.0", cidr: 24, prefix: "10.0.0.0/24", family: 4, name: "a" };
    const after = { ...before, cidr: 23, prefix: "10.0.0.0/23" };
    expect(inverseOf(record({ objectType: "network", before, after }))).toMatchObject({ fields: { network: "10.0.0.0/24" } });
  });

  it("refuses, naming the record: a password, a deleted user or token, a field no service sets", () => {
    const user = { id: 3, email: "a@b.c", name: null, role: "viewer", disabled: false, auth_source: "local" };
    expect(() => inverseOf(record({ objectType: "user", objectRepr: "a@b.c", before: { ...user, password: "(previous password)" }, after: { ...user, password: "(new password)" } })))
      .toThrow(/^Change #7 \(update user a@b\.c\) cannot be reverted: .*reset the password instead/);
    expect(() => inverseOf(record({ objectType: "user", action: "delete", before: user }))).toThrow(/create the user again/);
    expect(() => inverseOf(record({ objectType: "api_token", action: "delete", before: { name: "t" } }))).toThrow(/create a new token/);
    expect(() => inverseOf(record({ objectType: "user", before: user, after: { ...user, email: "x@b.c", role: "admin" } }))).toThrow(/email cannot be set back/);
  });
});

describe("differingFields", () => {
  it("compares what a write sets, not derived fields, timestamps, or a token owner's email", () => {
    expect(differingFields("host", host, { ...host, network_id: 9, last_seen: "x", updated_at: "z" })).toEqual([]);
    expect(differingFields("host", host, { ...host, hostname: "other", status: "reserved" })).toEqual(["hostname", "status"]);
    const token = { name: "t", owner: { id: 1, email: "old@x" } };
    expect(differingFields("api_token", token, { ...token, owner: { id: 1, email: "new@x" } })).toEqual([]);
    expect(differingFields("api_token", token, { ...token, owner: { id: 2, email: "old@x" } })).toEqual(["owner"]);
  });
});

describe("inverseSteps", () => {
  const rec = (id: number, objectId: number, objectType: RevertibleRecord["objectType"] = "host") => record({ id, objectId, objectType });
  it("joins runs of host deletions and of one status, keeps order, and starts a new run when a host comes again", () => {
    const steps = inverseSteps([
      { record: rec(9, 1), inverse: { kind: "delete", objectType: "host", objectId: 1 } },
      { record: rec(8, 2), inverse: { kind: "delete", objectType: "host", objectId: 2 } },
      { record: rec(7, 5, "network"), inverse: { kind: "delete", objectType: "network", objectId: 5 } },
      { record: rec(6, 3), inverse: { kind: "set-fields", objectType: "host", objectId: 3, fields: { status: "active" } } },
      { record: rec(5, 4), inverse: { kind: "set-fields", objectType: "host", objectId: 4, fields: { status: "active" } } },
      { record: rec(4, 3), inverse: { kind: "set-fields", objectType: "host", objectId: 3, fields: { status: "active" } } },
      { record: rec(3, 6), inverse: { kind: "set-fields", objectType: "host", objectId: 6, fields: { status: "reserved" } } },
      { record: rec(2, 7), inverse: { kind: "set-fields", objectType: "host", objectId: 7, fields: { status: "active", hostname: "a" } } },
    ]);
    expect(steps.map((s) => [s.kind, s.records.map((r) => r.id)])).toEqual([
      ["delete-hosts", [9, 8]], ["one", [7]], ["host-status", [6, 5]], ["host-status", [4]], ["host-status", [3]], ["one", [2]],
    ]);
  });
});
