import { describe, expect, it } from "vitest";
import { countObjects, describeGroup, formatChangeValue, groupVerb, shortRequestId, shownFields } from "@/components/changes/change-text";

describe("change log wording", () => {
  it("a group reads as who did what to how many objects", () => {
    const group = (actor: string, source: string, summary: Array<[string, string, number]>) =>
      describeGroup({ actor: { name: actor }, source, summary: summary.map(([object_type, action, count]) => ({ object_type, action, count })) });
    expect(group("admin", "import", [["host", "create", 10000]])).toBe("admin imported 10,000 hosts");
    expect(group("ops", "api", [["host", "delete", 3]])).toBe("ops deleted 3 hosts");
    expect(group("ops", "ui", [["network", "create", 1], ["network", "update", 1], ["host", "update", 1]])).toBe("ops changed 2 networks and 1 host");
  });

  it("verbs: an import is imported whatever it did, one action its own verb, a mix changed", () => {
    expect(groupVerb("import", ["update", "create"])).toBe("imported");
    expect(groupVerb("api", ["update", "update"])).toBe("updated");
    expect(groupVerb("cli", ["create", "delete"])).toBe("changed");
  });

  it("counts name each type in the singular or plural, largest first", () => {
    expect(countObjects({ api_token: 1 })).toBe("1 API token");
    expect(countObjects({ user: 2, api_token: 2, host: 5 })).toBe("5 hosts, 2 API tokens and 2 users");
    expect(countObjects({})).toBe("nothing");
  });

  it("values: none is a dash, flags are yes/no, objects are JSON", () => {
    expect(formatChangeValue(null)).toBe("—");
    expect(formatChangeValue("")).toBe("—");
    expect(formatChangeValue(false)).toBe("no");
    expect(formatChangeValue(24)).toBe("24");
    expect(formatChangeValue("web1")).toBe("web1");
    expect(formatChangeValue({ id: 3, email: "a@example.test" })).toBe('{"id":3,"email":"a@example.test"}');
    expect(shortRequestId("3f2a9c1e-0000-4000-8000-000000000001")).toBe("3f2a9c1e…");
  });

  it("an update shows what it changed, not the updated_at every update moves; a create shows every field it set", () => {
    expect(shownFields({ action: "update", changed_fields: ["hostname", "updated_at"] })).toEqual(["hostname"]);
    expect(shownFields({ action: "create", changed_fields: ["id", "ip_address", "updated_at"] })).toEqual(["id", "ip_address", "updated_at"]);
  });
});
