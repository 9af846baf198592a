import "server-only";
import type { Tx } from "@/lib/db/client";
import { countHostsInRanges, keyReader, type KeyReader, type Queryable } from "@/lib/db/raw";
import { blocksOutside, formatAddress, fromSortKey, keyJustBelow, lastAddress, maxLength, sortKeyOf, type Prefix, type Range } from "@/lib/ipam";
import type { Network } from "@/lib/generated/prisma/client";
import type { NetworkStatus } from "@/lib/schemas/fields";
import type { NetworkData } from "@/lib/schemas/network";
import { loadNetworksAround, networkWriteProblems } from "@/lib/services/networks/network-rules";
import { networkPrefix } from "@/lib/services/serializers/network-prefix";
import { networkPool } from "@/lib/services/serializers/network-prefix";

// The subnet planner's engine, shared by GET available-subnets and POST
// subnets: the /cidr blocks of a network, in address order, whose creation
// would succeed. Blocks overlapping a child network or the DHCP pool are
// never generated; the rest pass networkWriteProblems (the rules every
// network write passes) a page at a time: per page one host count and one
// read of the hosts on the blocks' ends, never a query per block.

const FIRST_PAGE = 64;
const MAX_PAGE = 4096;
const HOST_KEYS_PER_REGION = 10_000;
const SMALL_BLOCK_BITS = 5;

export interface SubnetCandidate {
  prefix: Prefix;
  /** Existing hosts inside the block: they would move into the new network. */
  hosts: bigint;
}

/** A new network with only a prefix and a status, as createSubnet would write it. */
function blockData(prefix: Prefix, status: NetworkStatus): NetworkData {
  return {
    prefix, network: formatAddress({ family: prefix.family, value: prefix.network }), cidr: prefix.length, family: prefix.family,
    name: null, domain: null, vlan_id: null, description: null, location: null, gateway: null, dhcp_start: null, dhcp_end: null, status,
    utilization_threshold: null,
  };
}


/**
 * The blocks that hold no host, for empty_only: the host keys are read in
 * keyset pages and taken like child networks, so a densely used range is
 * skipped at index speed instead of being offered block by block. A region
 * ends on a host, so a block across two regions holds that host and is
 * rightly never yielded.
 */
async function* emptyBlocks(reader: KeyReader, prefix: Prefix, taken: Range[], cidr: number): AsyncGenerator<Prefix> {
  const last = lastAddress(prefix);
  const hi = sortKeyOf(prefix.family, last);
  let start = prefix.network;
  let after = keyJustBelow(prefix.family, prefix.network);
  for (;;) {
    const keys = await reader.keysAfter(after, hi, HOST_KEYS_PER_REGION);
    const full = keys.length === HOST_KEYS_PER_REGION;
    const end = full ? fromSortKey(keys[keys.length - 1]).value : last;
    const hosts = keys.map((k) => ({ first: fromSortKey(k).value, last: fromSortKey(k).value }));
    const outside = [
      ...(start > prefix.network ? [{ first: prefix.network, last: start - 1n }] : []),
      ...(end < last ? [{ first: end + 1n, last }] : []),
    ];
    yield* blocksOutside(prefix, [...taken, ...hosts, ...outside], cidr);
    if (!full) return;
    start = end + 1n;
    after = keys[keys.length - 1];
  }
}

async function* allBlocks(prefix: Prefix, taken: Range[], cidr: number): AsyncGenerator<Prefix> {
  yield* blocksOutside(prefix, taken, cidr);
}

/**
 * Lazily yields the creatable /cidr subnets of `parent` with their host
 * counts; the caller stops when it has enough, so a /8 is never enumerated.
 * `status` is the new network's (a container must not take in hosts);
 * `emptyOnly` yields only blocks without hosts.
 * Pass `tx` inside a write transaction; reads otherwise use `q`.
 */
export async function* creatableSubnets(
  q: Queryable, parent: Network, cidr: number, options: { status?: NetworkStatus; emptyOnly?: boolean; tx?: Tx } = {},
): AsyncGenerator<SubnetCandidate> {
  const prefix = networkPrefix(parent);
  const around = await loadNetworksAround(q, [{ data: blockData(prefix, "active") }]);
  const taken: Range[] = around
    .filter((n) => n.id !== parent.id && n.startKey >= parent.startKey && n.endKey <= parent.endKey)
    .map((n) => ({ first: networkPrefix(n).network, last: lastAddress(networkPrefix(n)) }));
  const pool = networkPool(parent);
  if (pool) taken.push(pool);
  // Small blocks in a dense range would be refused one by one: skip their hosts by key instead. Large
  // blocks are few per host, and a page's one count statement refuses them faster than reading the keys.
  const small = maxLength(prefix.family) - cidr <= SMALL_BLOCK_BITS;
  const blocks = options.emptyOnly && small ? emptyBlocks(keyReader(options.tx), prefix, taken, cidr) : allBlocks(prefix, taken, cidr);
  for (let size = FIRST_PAGE; ; size = Math.min(size * 4, MAX_PAGE)) {
    const page: Prefix[] = [];
    while (page.length < size) {
      const next = await blocks.next();
      if (next.done) break;
      page.push(next.value);
    }
    if (page.length === 0) return;
    const writes = page.map((p, ref) => ({ ref, data: blockData(p, options.status ?? "active"), stored: null }));
    const refused = new Set((await networkWriteProblems(q, writes, around)).map((p) => p.ref));
    const counts = await countHostsInRanges(
      page.map((p) => ({ lo: sortKeyOf(p.family, p.network), hi: sortKeyOf(p.family, lastAddress(p)) })), options.tx,
    );
    for (const [i, p] of page.entries()) {
      if (!refused.has(i) && !(options.emptyOnly && counts[i] > 0n)) yield { prefix: p, hosts: counts[i] };
    }
    if (page.length < size) return;
  }
}
