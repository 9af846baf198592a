// Who may publish each DNS name, by FQDN (docs/address-space.md "Names").
// One rule for the start-up check (findAddressSpaceViolations) and the
// dnsmasq export: a name claimed by one host is that host's; a name shared
// only by round-robin hostnames (allow_duplicate_name) belongs to all of
// them; any other shared name belongs to the claim of the lowest host id and
// every other claim is a conflict. The host_names unique index stops new
// conflicts; this finds the ones written before it existed. Pure.

export type NameVerdict =
  | { kind: "own" }
  | { kind: "round-robin"; holders: number }
  | { kind: "conflict"; owner: number };

/** A name claimed by more than one host. */
export interface SharedName {
  fqdn: string;
  /** The lowest host id among the claims: the one that keeps a contested name. */
  owner: number;
  /** Distinct claiming hosts, in claim order. */
  hostIds: number[];
  /** Every claim is a round-robin hostname: shared on purpose. */
  roundRobin: boolean;
}

const OWN: NameVerdict = { kind: "own" };

export class NameClaims {
  // One lookup per claim: most names have one holder, stored as hostId * 2 + (round-robin ? 1 : 0), no object per name.
  private names = new Map<string, number | SharedName>();
  private shared: SharedName[] = [];

  /**
   * Records that `hostId` answers to `fqdn`. `roundRobin` is true only for a
   * hostname whose host allows duplicates (an alias is never shared). A
   * host's claims must be made one after another (the same host claiming a
   * name twice counts once).
   */
  claim(fqdn: string, hostId: number, roundRobin: boolean): void {
    const held = this.names.get(fqdn);
    if (held === undefined) {
      this.names.set(fqdn, hostId * 2 + (roundRobin ? 1 : 0));
    } else if (typeof held === "number") {
      const firstId = Math.floor(held / 2);
      if (firstId === hostId) return;
      const s: SharedName = { fqdn, owner: Math.min(firstId, hostId), hostIds: [firstId, hostId], roundRobin: held % 2 === 1 && roundRobin };
      this.names.set(fqdn, s);
      this.shared.push(s);
    } else if (held.hostIds[held.hostIds.length - 1] !== hostId) {
      held.hostIds.push(hostId);
      if (hostId < held.owner) held.owner = hostId;
      held.roundRobin &&= roundRobin;
    }
  }

  /** What `hostId` may do with `fqdn` (a name it claimed). */
  verdict(fqdn: string, hostId: number): NameVerdict {
    const held = this.names.get(fqdn);
    if (held === undefined || typeof held === "number") return OWN;
    if (held.roundRobin) return { kind: "round-robin", holders: held.hostIds.length };
    return held.owner === hostId ? OWN : { kind: "conflict", owner: held.owner };
  }

  /** Every name claimed by more than one host, in the order they became shared. */
  sharedNames(): readonly SharedName[] {
    return this.shared;
  }
}
