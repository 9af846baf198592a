import { beforeAll, vi } from "vitest";
import { useTestDatabase } from "@/tests/db";
import { setRequest } from "@/tests/auth/request-scope";
import { signInAs } from "@/tests/auth/session";
import { getDb } from "@/lib/db/client";
import { freshHost, freshNetwork, next } from "@/tests/authorization/fixtures";
import { describeActionBadInputSweep, type SweptForm } from "@/tests/security/bad-input-sweep-actions";

// Issue 11's bad-input sweep (tests/security/bad-input-sweep-actions.ts) over
// the host and network forms' server actions, as an editor: every free-text
// field, where tests/security/prototype-keys-actions covers only prototype
// keys on creating and editing a host and creating a network.

vi.mock("next/headers", () => import("@/tests/auth/request-scope"));
const { createHostAction, updateHostAction } = await import("@/app/(app)/hosts/actions");
const { createNetworkAction, updateNetworkAction, allocateIpAction } = await import("@/app/(app)/networks/actions");

useTestDatabase();
beforeAll(async () => {
  const editor = await getDb().user.create({ data: { email: "sweep-editor@example.test", passwordHash: "x", role: "editor" } });
  setRequest({ cookie: (await signInAs(editor.id)).cookie });
});

const hex = (n: number) => (n & 255).toString(16).padStart(2, "0");
const hostFields = () => {
  const n = next();
  return { hostname: `web-${n}`, cname: `www-${n}`, mac_address: `52:54:00:00:${hex(n >> 8)}:${hex(n)}`, description: "a host", discovery_source: "scan" };
};
const hostTexts = ["hostname", "cname", "mac_address", "description", "discovery_source"];
const hostNames = ["hostname", "cname"];
const networkFields = () => ({ name: `net-${next()}`, domain: "office.example.com", description: "a network", location: "rack 1" });
const networkTexts = ["name", "domain", "description", "location", "gateway"];
const networkNames = ["name", "domain"];

const forms: SweptForm[] = [
  { name: "createHostAction", run: createHostAction, texts: ["ip_address", ...hostTexts], names: hostNames, valid: async () => {
    const n = next();
    return { lead: [], input: { ip_address: `198.18.${n >> 8}.${(n & 255) || 1}`, ...hostFields() } };
  } },
  { name: "updateHostAction", run: updateHostAction, texts: hostTexts, names: hostNames,
    valid: async () => ({ lead: [Number((await freshHost()).id)], input: hostFields() }) },
  { name: "allocateIpAction", run: allocateIpAction, texts: hostTexts, names: hostNames,
    valid: async () => ({ lead: [Number((await freshNetwork()).id)], input: hostFields() }) },
  { name: "createNetworkAction", run: createNetworkAction, texts: ["network", ...networkTexts], names: networkNames, valid: async () => {
    const n = next();
    const base = `100.${64 + (n >> 8)}.${n & 255}`;
    return { lead: [], input: { network: `${base}.0/24`, gateway: `${base}.1`, ...networkFields() } };
  } },
  { name: "updateNetworkAction", run: updateNetworkAction, texts: networkTexts, names: networkNames, valid: async () => {
    const { id, prefix } = await freshNetwork();
    return { lead: [Number(id)], input: { gateway: prefix.replace(/0\/24$/, "1"), ...networkFields() } };
  } },
];

describeActionBadInputSweep(forms);
