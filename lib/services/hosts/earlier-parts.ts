import type { Family } from "@/lib/ipam";

/** A first claim of a name, as later claims are judged by it. */
export interface FirstNameClaim {
  exclusive: boolean;
  kind: string;
  /** How messages refer to its item ("row 7"). */
  by: string;
}

/**
 * What checkHosts needs to know of the earlier parts of a batch that is
 * checked part by part in one transaction (an import in chunks), so that
 * each part is judged as the whole batch at once would be: the first item to
 * claim a MAC or a name judges every later claim.
 *
 * The items an earlier part wrote are in the database: their MACs and names
 * are found as stored ones are, and `writtenBy` tells them apart from hosts
 * stored before the batch. The first claims of earlier items that failed
 * (and so were not written) are kept here, because they still judge.
 */
export class EarlierParts {
  readonly failedMacs: Record<Family, Map<string, string>> = { 4: new Map(), 6: new Map() };
  readonly failedNames = new Map<string, FirstNameClaim>();

  /**
   * `writtenBy`: the order of the earlier item that wrote the stored host at
   * this address (its row), or undefined for a host stored before the batch;
   * `describe`: how messages refer to that item.
   */
  constructor(
    readonly writtenBy: (host: { ip_address: string }) => number | undefined,
    readonly describe: (order: number) => string,
  ) {}
}
