import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db/client";
import { findAddressSpaceViolations, type AddressSpaceViolation } from "@/lib/services/integrity/find-address-space-violations";
import { LOGGED_VIOLATIONS, logAddressSpaceViolations } from "@/lib/services/integrity/log-address-space-violations";
import { legacyHost, legacyNetwork } from "@/lib/services/integrity/testing/legacy-rows";
import { useTestDatabase } from "@/tests/db";

useTestDatabase();

// Legacy rows (written before the rules, so straight through Prisma) next to
// rows the model allows: only the first kind is listed.

const ids: Record<string, number> = {};

beforeAll(async () => {
  const db = getDb();
  ids.parent = await legacyNetwork(db, { cidr: "10.10.10.0/24", domain: "lab.example", dhcp: ["10.10.10.200", "10.10.10.250"] });
  ids.child = await legacyNetwork(db, { cidr: "10.10.10.128/25", parentId: ids.parent });
  ids.grandchild = await legacyNetwork(db, { cidr: "10.10.10.192/26", parentId: ids.child });
  // A pool next to (not over) its child: fine.
  ids.okParent = await legacyNetwork(db, { cidr: "10.20.0.0/24", domain: "a.example", dhcp: ["10.20.0.100", "10.20.0.120"] });
  ids.okChild = await legacyNetwork(db, { cidr: "10.20.0.128/25", domain: "b.example", parentId: ids.okParent });
  ids.container = await legacyNetwork(db, { cidr: "10.30.0.0/16", status: "container" });
  ids.v6 = await legacyNetwork(db, { cidr: "2001:db8::/64", dhcp: ["2001:db8::100", "2001:db8::1ff"] });

  ids.noMac = await legacyHost(db, { ip: "10.20.0.110", networkId: ids.okParent, hostname: "nomac" });
  ids.withMac = await legacyHost(db, { ip: "10.20.0.111", networkId: ids.okParent, hostname: "lease", mac: "52:54:00:00:00:01" });
  ids.noMac6 = await legacyHost(db, { ip: "2001:db8::150", networkId: ids.v6, hostname: "nomac6" });
  ids.outside = await legacyHost(db, { ip: "10.20.0.5", networkId: ids.okParent, hostname: "outside" });
  ids.broadcast = await legacyHost(db, { ip: "10.20.0.255", networkId: ids.okChild });
  ids.networkAddress = await legacyHost(db, { ip: "10.20.0.128", networkId: ids.okChild, hostname: "zero" });
  ids.inContainer = await legacyHost(db, { ip: "10.30.1.1", networkId: ids.container });
  // alloc-1 twice in one domain (the second, higher id, is the conflict); web in two domains is two names.
  ids.alloc1 = await legacyHost(db, { ip: "10.20.0.6", networkId: ids.okParent, hostname: "alloc-1" });
  ids.alloc2 = await legacyHost(db, { ip: "10.20.0.7", networkId: ids.okParent, hostname: "alloc-1" });
  ids.webA = await legacyHost(db, { ip: "10.20.0.8", networkId: ids.okParent, hostname: "web", cname: "portal" });
  ids.webB = await legacyHost(db, { ip: "10.20.0.200", networkId: ids.okChild, hostname: "web", cname: "portal" });
  // Round-robin on both sides: allowed. Only one side: a conflict.
  ids.rr1 = await legacyHost(db, { ip: "10.20.0.9", networkId: ids.okParent, hostname: "rr", allowDuplicateName: true });
  ids.rr2 = await legacyHost(db, { ip: "10.20.0.10", networkId: ids.okParent, hostname: "rr", allowDuplicateName: true });
  ids.half1 = await legacyHost(db, { ip: "10.20.0.11", networkId: ids.okParent, hostname: "half", allowDuplicateName: true });
  ids.half2 = await legacyHost(db, { ip: "10.20.0.12", networkId: ids.okParent, hostname: "half" });
  // An alias equal to another host's hostname (a multi-line name is quoted, never breaks the line).
  ids.aliasOwner = await legacyHost(db, { ip: "10.20.0.13", networkId: ids.okParent, hostname: "svc", cname: "taken" });
  ids.hostnameLate = await legacyHost(db, { ip: "10.20.0.14", networkId: ids.okParent, hostname: "taken" });
  ids.evil1 = await legacyHost(db, { ip: "10.40.0.1", networkId: null, hostname: "x\ny" });
  ids.evil2 = await legacyHost(db, { ip: "10.40.0.2", networkId: null, hostname: "x\ny" });
});

const pick = (all: AddressSpaceViolation[], kind: AddressSpaceViolation["kind"]) => all.filter((v) => v.kind === kind);

describe("findAddressSpaceViolations", () => {
  it("a pool overlapping a child network names both (the direct child only)", async () => {
    const all = await findAddressSpaceViolations();
    expect(pick(all, "pool_overlaps_child")).toEqual([{
      kind: "pool_overlaps_child", networkId: ids.parent, hostId: null, otherId: ids.child,
      message: `network ${ids.parent} (10.10.10.0/24): DHCP pool "10.10.10.200"–"10.10.10.250" overlaps child network ${ids.child} (10.10.10.128/25)`,
    }]);
  });

  it("hosts without a MAC inside their network's pool, IPv4 and IPv6", async () => {
    const all = await findAddressSpaceViolations();
    expect(pick(all, "pool_host_without_mac").map((v) => v.hostId)).toEqual([ids.noMac, ids.noMac6]);
    expect(pick(all, "pool_host_without_mac")[0].message).toBe(
      `host ${ids.noMac} ("10.20.0.110"): inside the DHCP pool "10.20.0.100"–"10.20.0.120" of network ${ids.okParent} (10.20.0.0/24) without a MAC address`,
    );
  });

  it("hosts on an IPv4 network or broadcast address, and hosts directly in a container", async () => {
    const all = await findAddressSpaceViolations();
    expect(pick(all, "host_on_reserved_address").map((v) => v.message)).toEqual([
      `host ${ids.broadcast} ("10.20.0.255"): on the broadcast address of network ${ids.okChild} (10.20.0.128/25)`,
      `host ${ids.networkAddress} ("10.20.0.128"): on the network address of network ${ids.okChild} (10.20.0.128/25)`,
    ]);
    expect(pick(all, "host_in_container").map((v) => [v.hostId, v.networkId])).toEqual([[ids.inContainer, ids.container]]);
  });

  it("names shared by hosts that are not all round-robin: every claim but the lowest id's; same name in two domains is fine", async () => {
    const all = pick(await findAddressSpaceViolations(), "duplicate_name");
    expect(all.map((v) => [v.hostId, v.otherId])).toEqual([[ids.alloc2, ids.alloc1], [ids.half2, ids.half1], [ids.hostnameLate, ids.aliasOwner], [ids.evil2, ids.evil1]]);
    expect(all[0].message).toBe(`host ${ids.alloc2}: name "alloc-1.a.example" is also claimed by host ${ids.alloc1}, which keeps it (only round-robin hostnames may share a name)`);
    expect(all.every((v) => !v.message.includes("\n"))).toBe(true);
  });

  it("at start: one line per row, capped with a count", async () => {
    const total = (await findAddressSpaceViolations()).length;
    const lines: string[] = [];
    expect(await logAddressSpaceViolations((l) => lines.push(l))).toBe(total);
    expect(lines[0]).toMatch(new RegExp(`^Address-space check: ${total} row\\(s\\) written before the current rules break them`));
    expect(lines.slice(1).every((l) => l.startsWith("  "))).toBe(true);
    for (let i = 0; i < LOGGED_VIOLATIONS; i++) await legacyHost(getDb(), { ip: `2001:db8::1${String(i).padStart(2, "0")}`, networkId: ids.v6 });
    const capped: string[] = [];
    const grown = await logAddressSpaceViolations((l) => capped.push(l));
    expect(grown).toBe(total + LOGGED_VIOLATIONS);
    expect(capped).toHaveLength(1 + LOGGED_VIOLATIONS + 1);
    expect(capped[capped.length - 1]).toBe(`  … and ${grown - LOGGED_VIOLATIONS} more`);
  });

  it("a clean database lists nothing", async () => {
    const db = getDb();
    await db.host.deleteMany();
    await db.network.deleteMany();
    await legacyNetwork(db, { cidr: "10.50.0.0/24", dhcp: ["10.50.0.100", "10.50.0.200"] });
    expect(await findAddressSpaceViolations()).toEqual([]);
  });
});
