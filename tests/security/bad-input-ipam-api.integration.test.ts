import { beforeAll } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { tokenFor } from "@/tests/api/client";
import { freshHost, freshNetwork, next } from "@/tests/authorization/fixtures";
import { describeBadInputSweep, type SweptEndpoint } from "@/tests/security/bad-input-sweep";
import * as hosts from "@/app/api/v1/hosts/route";
import * as host from "@/app/api/v1/hosts/[id]/route";
import * as allocate from "@/app/api/v1/ip/networks/[id]/allocate/route";
import * as networks from "@/app/api/v1/networks/route";
import * as network from "@/app/api/v1/networks/[id]/route";
import * as subnets from "@/app/api/v1/networks/[id]/subnets/route";

// Issue 11's bad-input sweep (tests/security/bad-input-sweep.ts) over every
// free-text field of the host and network writes, filling what
// tests/security/prototype-keys and app/api/v1/unicode-text leave out (they
// cover the description, the location, a hostname and a network name, and
// prototype keys on create and PATCH): PUT, allocation, subnets, and every
// other field.

useTestDatabase();
let token: string;
beforeAll(async () => {
  token = await tokenFor("editor");
});

const hex = (n: number) => (n & 255).toString(16).padStart(2, "0");
const hostBody = () => {
  const n = next();
  return { hostname: `web-${n}`, cname: `www-${n}`, mac_address: `52:54:00:00:${hex(n >> 8)}:${hex(n)}`, description: "a host", discovery_source: "scan" };
};
const hostTexts = ["hostname", "cname", "mac_address", "description", "discovery_source"];
const hostNames = ["hostname", "cname"];
const freshAddress = () => {
  const n = next();
  return `198.18.${n >> 8}.${(n & 255) || 1}`;
};
const networkBody = () => ({ name: `net-${next()}`, domain: "office.example.com", description: "a network", location: "rack 1" });
const networkTexts = ["name", "domain", "description", "location", "gateway"];
const networkNames = ["name", "domain"];

const endpoints: SweptEndpoint[] = [
  { name: "POST /hosts", handler: hosts.POST, method: "POST", texts: hostTexts, names: hostNames,
    valid: async () => ({ body: { ip_address: freshAddress(), ...hostBody() } }) },
  { name: "PUT /hosts/{id}", handler: host.PUT, method: "PUT", texts: hostTexts, names: hostNames, valid: async () => {
    const { id, ip } = await freshHost();
    return { params: { id }, body: { ip_address: ip, ...hostBody() } };
  } },
  { name: "PATCH /hosts/{id}", handler: host.PATCH, method: "PATCH", texts: hostTexts, names: hostNames,
    valid: async () => ({ params: { id: (await freshHost()).id }, body: hostBody() }) },
  { name: "POST /ip/networks/{id}/allocate", handler: allocate.POST, method: "POST", texts: hostTexts, names: hostNames,
    valid: async () => ({ params: { id: (await freshNetwork()).id }, body: hostBody() }) },
  { name: "POST /networks", handler: networks.POST, method: "POST", texts: ["network", ...networkTexts], names: networkNames,
    valid: async () => {
      const n = next();
      return { body: { network: `100.${64 + (n >> 8)}.${n & 255}.0/24`, gateway: `100.${64 + (n >> 8)}.${n & 255}.1`, ...networkBody() } };
    } },
  { name: "PUT /networks/{id}", handler: network.PUT, method: "PUT", texts: ["network", ...networkTexts], names: networkNames,
    valid: async () => {
      const { id, prefix } = await freshNetwork();
      return { params: { id }, body: { network: prefix, gateway: prefix.replace(/0\/24$/, "1"), ...networkBody() } };
    } },
  { name: "PATCH /networks/{id}", handler: network.PATCH, method: "PATCH", texts: networkTexts, names: networkNames,
    valid: async () => {
      const { id, prefix } = await freshNetwork();
      return { params: { id }, body: { gateway: prefix.replace(/0\/24$/, "1"), ...networkBody() } };
    } },
  { name: "POST /networks/{id}/subnets", handler: subnets.POST, method: "POST", texts: networkTexts.filter((f) => f !== "gateway"), names: networkNames,
    valid: async () => ({ params: { id: (await freshNetwork()).id }, body: { cidr: 26, ...networkBody() } }) },
];

describeBadInputSweep(endpoints, () => token);
