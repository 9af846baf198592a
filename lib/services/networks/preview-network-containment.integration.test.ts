import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/roles";
import { networkSchema } from "@/lib/schemas/network";
import { createNetwork } from "@/lib/services/networks/create-network";
import { previewNetworkContainment } from "@/lib/services/networks/preview-network-containment";
import { useTestDatabase } from "@/tests/db";

useTestDatabase();
const editor: Actor = { kind: "token", id: 1, name: "t", role: "editor" };
const net = (prefix: string) => networkSchema.parse({ network: prefix });

describe("previewNetworkContainment", () => {
  it("counts the stored networks a new one would contain and names its would-be children", async () => {
    await createNetwork(editor, net("10.70.0.0/16"));
    await createNetwork(editor, net("10.71.0.0/16"));
    await createNetwork(editor, net("10.71.5.0/24"));
    await createNetwork(editor, net("fe80::/64"));

    expect(await previewNetworkContainment(editor, net("10.70.0.0/15"))).toEqual({ count: 3, examples: ["10.70.0.0/16", "10.71.0.0/16"] });
    expect((await previewNetworkContainment(editor, net("0.0.0.0/0"))).count).toBe(3);
    expect(await previewNetworkContainment(editor, net("fe80::/10"))).toEqual({ count: 1, examples: ["fe80::/64"] });
    // Inside another network, beside them, or the same prefix: nothing would become a child.
    expect((await previewNetworkContainment(editor, net("10.71.6.0/24"))).count).toBe(0);
    expect((await previewNetworkContainment(editor, net("10.72.0.0/16"))).count).toBe(0);
    expect((await previewNetworkContainment(editor, net("10.70.0.0/16"))).count).toBe(0);
  });
});
