// Moved to lib/ipam/network-index.ts: the host rules (lib/services/hosts) derive networks with it too.
export { NetworkIndex, type IndexedNetwork } from "@/lib/ipam/network-index";
