import { expect } from "vitest";
import { getDb } from "@/lib/db/client";
import type { RouteCase } from "@/tests/authorization/route-request";
import { freshHost, freshNetwork, next } from "@/tests/authorization/fixtures";

// The authorization matrix's calls to the IPAM routes (networks, hosts,
// addresses, import/export, docs): viewers read, editors write. Each write
// checks its effect, so an allowed call is proven to have done its job.

const db = () => getDb();
const idOf = (id: string) => ({ id });
const freshPrefix = () => {
  const n = next();
  return `100.${64 + (n >> 8)}.${n & 255}.0/24`;
};
const freshAddress = () => {
  const n = next();
  return `198.18.${n >> 8}.${(n & 255) || 1}`;
};

export const ipamCases: RouteCase[] = [
  { key: "GET /health", needs: "public", ok: 200 },
  { key: "GET /openapi.json", needs: "public", ok: 200 },
  { key: "GET /docs", needs: "public", ok: 200 },
  { key: "GET /docs/assets/[file]", needs: "public", ok: 200, prepare: async () => ({ params: { file: "init.js" } }) },
  { key: "GET /networks", needs: "viewer", ok: 200 },
  { key: "POST /networks", needs: "editor", ok: 201, prepare: async () => {
    const network = freshPrefix();
    const [address, cidr] = network.split("/");
    return { body: { network }, effect: async () => expect(await db().network.count({ where: { network: address, cidr: Number(cidr) } })).toBe(1) };
  } },
  { key: "GET /networks/[id]", needs: "viewer", ok: 200, prepare: async () => ({ params: idOf((await freshNetwork()).id) }) },
  { key: "PUT /networks/[id]", needs: "editor", ok: 200, prepare: async () => {
    const { id, prefix } = await freshNetwork();
    return { params: idOf(id), body: { network: prefix, name: "put" }, effect: async () =>
      expect((await db().network.findUniqueOrThrow({ where: { id: Number(id) } })).name).toBe("put") };
  } },
  { key: "PATCH /networks/[id]", needs: "editor", ok: 200, prepare: async () => {
    const { id } = await freshNetwork();
    return { params: idOf(id), body: { name: "patched" }, effect: async () =>
      expect((await db().network.findUniqueOrThrow({ where: { id: Number(id) } })).name).toBe("patched") };
  } },
  { key: "DELETE /networks/[id]", needs: "editor", ok: 204, prepare: async () => {
    const { id } = await freshNetwork();
    return { params: idOf(id), effect: async () => expect(await db().network.count({ where: { id: Number(id) } })).toBe(0) };
  } },
  { key: "GET /networks/[id]/hosts", needs: "viewer", ok: 200, prepare: async () => ({ params: idOf((await freshNetwork()).id) }) },
  { key: "GET /networks/[id]/free-blocks", needs: "viewer", ok: 200, prepare: async () => ({ params: idOf((await freshNetwork()).id) }) },
  { key: "GET /networks/[id]/available-subnets", needs: "viewer", ok: 200, prepare: async () =>
    ({ params: idOf((await freshNetwork()).id), query: { cidr: "26" } }) },
  { key: "POST /networks/[id]/subnets", needs: "editor", ok: 201, prepare: async () => {
    const { id } = await freshNetwork();
    return { params: idOf(id), body: { cidr: 26 }, effect: async (reply) =>
      expect(await db().network.count({ where: { id: reply.json().id, parentId: Number(id) } })).toBe(1) };
  } },
  { key: "GET /hosts", needs: "viewer", ok: 200 },
  { key: "POST /hosts", needs: "editor", ok: 201, prepare: async () => {
    const ip = freshAddress();
    return { body: { ip_address: ip }, effect: async () => expect(await db().host.count({ where: { ipAddress: ip } })).toBe(1) };
  } },
  { key: "GET /hosts/[id]", needs: "viewer", ok: 200, prepare: async () => ({ params: idOf((await freshHost()).id) }) },
  { key: "PUT /hosts/[id]", needs: "editor", ok: 200, prepare: async () => {
    const { id, ip } = await freshHost();
    const hostname = `put-${next()}`;
    return { params: idOf(id), body: { ip_address: ip, hostname }, effect: async () =>
      expect((await db().host.findUniqueOrThrow({ where: { id: Number(id) } })).hostname).toBe(hostname) };
  } },
  { key: "PATCH /hosts/[id]", needs: "editor", ok: 200, prepare: async () => {
    const { id } = await freshHost();
    return { params: idOf(id), body: { status: "reserved" }, effect: async () =>
      expect((await db().host.findUniqueOrThrow({ where: { id: Number(id) } })).status).toBe("reserved") };
  } },
  { key: "DELETE /hosts/[id]", needs: "editor", ok: 204, prepare: async () => {
    const { id } = await freshHost();
    return { params: idOf(id), effect: async () => expect(await db().host.count({ where: { id: Number(id) } })).toBe(0) };
  } },
  { key: "POST /hosts/bulk-edit", needs: "editor", ok: 200, prepare: async () => {
    const { id } = await freshHost();
    return { body: { select: { ids: [Number(id)] }, set: { status: "reserved" } }, effect: async () =>
      expect((await db().host.findUniqueOrThrow({ where: { id: Number(id) } })).status).toBe("reserved") };
  } },
  { key: "GET /ip/networks/[id]/next-ip", needs: "viewer", ok: 200, prepare: async () => ({ params: idOf((await freshNetwork()).id) }) },
  { key: "GET /ip/networks/[id]/available-ips", needs: "viewer", ok: 200, prepare: async () => ({ params: idOf((await freshNetwork()).id) }) },
  { key: "GET /ip/networks/[id]/free-ranges", needs: "viewer", ok: 200, prepare: async () => ({ params: idOf((await freshNetwork()).id) }) },
  { key: "POST /ip/networks/[id]/allocate", needs: "editor", ok: 201, prepare: async () => {
    const { id } = await freshNetwork();
    const hostname = `allocated-${next()}`;
    return { params: idOf(id), body: { hostname }, effect: async () =>
      expect(await db().host.count({ where: { networkId: Number(id), hostname } })).toBe(1) };
  } },
  { key: "GET /ip/[address]", needs: "viewer", ok: 200, prepare: async () => ({ params: { address: "10.1.2.3" } }) },
  { key: "GET /export", needs: "viewer", ok: 200 },
  { key: "GET /export/[name]", needs: "viewer", ok: 200, prepare: async () => ({ params: { name: "dnsmasq" } }) },
  { key: "GET /import", needs: "viewer", ok: 200 },
  { key: "POST /import/[name]", needs: "editor", ok: 200, prepare: async () => {
    const ip = freshAddress();
    return { params: { name: "json" }, query: { type: "hosts" }, body: [{ ip_address: ip }], effect: async () =>
      expect(await db().host.count({ where: { ipAddress: ip } })).toBe(1) };
  } },
];
