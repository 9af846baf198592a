import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import type { ActionCase } from "@/tests/authorization/action-case";
import { freshHost, freshNetwork, next } from "@/tests/authorization/fixtures";

// The server-action matrix's calls to the network and host forms: viewers
// read (plan, next free, look up), editors write. Each write checks its effect.

const db = () => getDb();
const byId = (id: string) => ({ where: { id: Number(id) } });

export const ipamActionCases: ActionCase[] = [
  { key: "(app)/networks#createNetworkAction", needs: "editor", prepare: async () => {
    const n = next();
    return { args: [{ network: `100.${64 + (n >> 8)}.${n & 255}.0/24` }], effect: async (data) =>
      expect(await db().network.count({ where: { id: data.id } })).toBe(1) };
  } },
  { key: "(app)/networks#updateNetworkAction", needs: "editor", prepare: async () => {
    const { id } = await freshNetwork();
    return { args: [Number(id), { name: "renamed" }], effect: async () => expect((await db().network.findUniqueOrThrow(byId(id))).name).toBe("renamed") };
  } },
  { key: "(app)/networks#deleteNetworkAction", needs: "editor", prepare: async () => {
    const { id } = await freshNetwork();
    return { args: [Number(id)], effect: async () => expect(await db().network.count(byId(id))).toBe(0) };
  } },
  { key: "(app)/networks#allocateIpAction", needs: "editor", prepare: async () => {
    const { id } = await freshNetwork();
    const hostname = `allocated-${next()}`;
    return { args: [Number(id), { hostname }], effect: async () =>
      expect(await db().host.count({ where: { networkId: Number(id), hostname } })).toBe(1) };
  } },
  { key: "(app)/networks#planSubnetsAction", needs: "viewer", prepare: async () =>
    ({ args: [Number((await freshNetwork()).id), { cidr: 26, empty_only: false }] }) },
  { key: "(app)/hosts#createHostAction", needs: "editor", prepare: async () => {
    const n = next();
    return { args: [{ ip_address: `198.18.${n >> 8}.${(n & 255) || 1}` }], effect: async (data) =>
      expect(await db().host.count({ where: { id: data.id } })).toBe(1) };
  } },
  { key: "(app)/hosts#updateHostAction", needs: "editor", prepare: async () => {
    const { id } = await freshHost();
    const hostname = `renamed-${next()}`;
    return { args: [Number(id), { hostname }], effect: async () => expect((await db().host.findUniqueOrThrow(byId(id))).hostname).toBe(hostname) };
  } },
  { key: "(app)/hosts#deleteHostAction", needs: "editor", prepare: async () => {
    const { id } = await freshHost();
    return { args: [Number(id)], effect: async () => expect(await db().host.count(byId(id))).toBe(0) };
  } },
  { key: "(app)/hosts#bulkDeleteHostsAction", needs: "editor", prepare: async () => {
    const { id } = await freshHost();
    return { args: [{ select: { ids: [Number(id)] } }], effect: async () => expect(await db().host.count(byId(id))).toBe(0) };
  } },
  { key: "(app)/hosts#bulkEditHostsAction", needs: "editor", prepare: async () => {
    const { id } = await freshHost();
    return { args: [{ select: { ids: [Number(id)] }, set: { description: "bulk-edited" } }], effect: async () =>
      expect((await db().host.findUniqueOrThrow(byId(id))).description).toBe("bulk-edited") };
  } },
  { key: "(app)/hosts#nextFreeIpAction", needs: "viewer", prepare: async () => ({ args: [Number((await freshNetwork()).id)] }) },
  { key: "(app)/hosts#lookupAddressAction", needs: "viewer", prepare: async () => ({ args: ["10.1.2.3"] }) },
  { key: "(app)/networks#networkContainmentAction", needs: "editor", prepare: async () => ({ args: [{ network: "100.64.0.0/10" }] }) },
];
