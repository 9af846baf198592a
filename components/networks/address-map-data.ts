import { addressStateLabel } from "@/components/networks/address-states";
import { addressStateNames, type AddressState } from "@/lib/ipam/states";
import type { HostStatus, NetworkStatus } from "@/lib/schemas/fields";
import type { AddressMap } from "@/lib/services/views/get-address-map";

// The address map as the browser receives it. A /22 is 1,024 cells; sent as
// one object per cell (address, state, host, subnet) the props alone were
// hundreds of kilobytes of the page. Here a cell's state is one character and
// its address is implied by its position; only the cells with a host or a
// child network carry more.

/** [offset from the first address, host id, hostname, MAC, status when the cell's state is not it (a host in a child network)] */
export type MapHost = [number, number, string | null, string | null, HostStatus?];
/** [first offset, last offset, network id, prefix, name] of a child network. */
export type MapSubnet = [number, number, number, string, string | null];

export interface AddressMapData {
  /** The network's first address as an unsigned 32-bit number. */
  first: number;
  /** One character per address, its state's index in addressStateNames. */
  states: string;
  hosts: MapHost[];
  subnets: MapSubnet[];
}

/** A cell as the map shows it. */
export interface MapCell {
  ip: string;
  state: AddressState;
  /** Address, state and hostname: the cell's accessible name, what a screen reader says on it. */
  label: string;
  /** The label and everything else known about the address (host status, MAC, child network): the info bar's text. */
  details: string;
  /** Where Enter or a click goes: the host, the child network, or "new host here"; null if nowhere. */
  href: string | null;
}

const parseIPv4 = (ip: string) => ip.split(".").reduce((value, octet) => value * 256 + Number(octet), 0);
const formatIPv4 = (value: number) => [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");

/** Server side: the compact form of getAddressMap's cells. */
export function encodeAddressMap(map: AddressMap): AddressMapData {
  const first = parseIPv4(map.cells[0].ip);
  const hosts: MapHost[] = [];
  const subnets: MapSubnet[] = [];
  let states = "";
  map.cells.forEach((cell, offset) => {
    states += addressStateNames.indexOf(cell.state).toString(36);
    if (cell.host) {
      const host: MapHost = [offset, cell.host.id, cell.host.hostname, cell.host.mac_address];
      if (cell.host.status !== cell.state) host.push(cell.host.status);
      hosts.push(host);
    }
    // A child network's addresses are consecutive: one entry per child, widened cell by cell.
    const last = subnets.at(-1);
    if (cell.subnet && last && last[2] === cell.subnet.id && last[1] === offset - 1) last[1] = offset;
    else if (cell.subnet) subnets.push([offset, offset, cell.subnet.id, cell.subnet.prefix, cell.subnet.name]);
  });
  return { first, states, hosts, subnets };
}

/** The map's own prefix, e.g. "10.0.4.0/22" (its size is a power of two). */
export function mapPrefix(data: AddressMap | AddressMapData): string {
  const size = "states" in data ? data.states.length : data.cells.length;
  const first = "states" in data ? data.first : parseIPv4(data.cells[0].ip);
  return `${formatIPv4(first)}/${32 - Math.log2(size)}`;
}

/** Browser side: every cell with its address, label and target. */
export function decodeAddressMap(data: AddressMapData, options: { networkId: number; status: NetworkStatus; canWrite: boolean }): MapCell[] {
  const hosts = new Map(data.hosts.map((host) => [host[0], host]));
  const subnetAt = (offset: number) => data.subnets.find(([from, to]) => from <= offset && offset <= to);
  return Array.from(data.states, (code, offset) => {
    const ip = formatIPv4(data.first + offset);
    const state = addressStateNames[parseInt(code, 36)];
    const host = hosts.get(offset);
    const subnet = subnetAt(offset);
    const label = [ip, addressStateLabel(state, options.status), ...(host ? [host[2] ?? "(no hostname)"] : [])].join(" · ");
    const more = [host && (host[4] ?? state), host?.[3], subnet && `in ${subnet[3]}${subnet[4] ? ` (${subnet[4]})` : ""}`].filter(Boolean);
    let href: string | null = null;
    if (host) href = `/hosts/${host[1]}`;
    else if (subnet) href = `/networks/${subnet[2]}`;
    else if (state === "free" && options.canWrite) href = `/hosts/new?ip=${ip}&network_id=${options.networkId}`;
    return { ip, state, label, details: [label, ...more].join(" · "), href };
  });
}

/** The offset of a cell's address, from its data-ip attribute. */
export function offsetOfIp(data: AddressMapData, ip: string): number {
  return parseIPv4(ip) - data.first;
}
