// lib/ipam: exact IPv4/IPv6 address engine. Pure TypeScript (no I/O, no Node-only APIs);
// runs on the server and in the browser. See docs/ipam.md.

export { IpamError, isIpamError, type IpamErrorCode } from "./errors";
export { maxLength, type Address, type Family, type Interval, type Prefix, type Range } from "./types";
export { formatAddress, formatPrefix, formatValue } from "./format";
export {
  lengthToMask,
  maskToLength,
  parseAddress,
  parsePrefix,
  parseRange,
  tryParseAddress,
  tryParsePrefix,
} from "./parse";
export {
  addressCount,
  capacity,
  compareAddresses,
  comparePrefixes,
  containsAddress,
  containsPrefix,
  firstUsable,
  lastAddress,
  lastUsable,
  makePrefix,
  overlaps,
  prefixFacts,
  prefixOf,
  samePrefix,
  toFamily,
  reservedIPv4End,
  usableRange,
  type PrefixFacts,
} from "./prefix";
export {
  firstFree,
  firstFreeAsync,
  freeAddresses,
  freeAddressesAsync,
  freeCount,
  freeCountAsync,
  freeIntervals,
  freeIntervalsAsync,
  freeSummary,
  freeSummaryAsync,
  mergeRanges,
  type AsyncFreeAddressesOptions,
  type AsyncFreeIntervalsOptions,
  type AsyncFreeOptions,
  type FreeAddressesOptions,
  type FreeIntervalsOptions,
  type FreeOptions,
  type FreeSummary,
  type UsedStream,
} from "./free";
export {
  MAX_UNLIMITED_RESULTS,
  firstFreeSubnet,
  freeSpace,
  freeSubnetCount,
  freeSubnets,
  iterSubnets,
  rangeToCidrs,
  subnetCount,
  subnets,
  summarize,
  uncoveredRanges,
} from "./subnet";
export { blocksOutside } from "./blocks-outside";
export { defaultSubnetLength } from "./default-subnet-length";
export { EVERY_KEY, fromSortKey, keyJustAbove, keyJustBelow, sortKey, sortKeyOf, sortKeyRange } from "./sortkey";
export { embeddedIPv4PrefixProblem, embeddedIPv4Problem } from "./embedded-ipv4";
export {
  addressStateNames,
  clipRanges,
  countStates,
  networkEnds,
  pointStates,
  stateOfAddress,
  type AddressState,
  type HostState,
  type PointHost,
  type StateCounts,
  type StateInput,
} from "./states";
