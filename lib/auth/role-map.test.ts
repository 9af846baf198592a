import { describe, expect, it } from "vitest";
import { parseRoleMap, roleForGroups } from "@/lib/auth/role-map";

describe("parseRoleMap", () => {
  it("reads group=role pairs separated by commas, spaces ignored", () => {
    expect(parseRoleMap(" ipam-admins=admin, ipam-editors = editor,everyone=viewer ")).toEqual(
      new Map([["ipam-admins", "admin"], ["ipam-editors", "editor"], ["everyone", "viewer"]]),
    );
    expect(parseRoleMap("")).toEqual(new Map());
  });

  it("splits on semicolons when there is one, so LDAP DNs keep their commas", () => {
    expect(parseRoleMap("cn=ipam,ou=groups,dc=example=admin; cn=ro,dc=example=viewer")).toEqual(
      new Map([["cn=ipam,ou=groups,dc=example", "admin"], ["cn=ro,dc=example", "viewer"]]),
    );
  });

  it.each(["ipam-admins", "=admin", "ops=root", "ops=", "a=admin,b=superuser"])("refuses %j with a message naming the entry", (text) => {
    const result = parseRoleMap(text);
    expect(typeof result).toBe("string");
    expect(result).toMatch(/is not group=admin, group=editor or group=viewer$/);
  });
});

describe("roleForGroups", () => {
  const map = parseRoleMap("ipam-admins=admin,ipam-editors=editor,ipam-viewers=viewer") as Map<string, never>;

  it("gives the highest mapped role, whatever the order of the groups", () => {
    expect(roleForGroups(["ipam-editors", "ipam-admins", "staff"], map, "viewer")).toBe("admin");
    expect(roleForGroups(["ipam-viewers", "ipam-editors"], map, "viewer")).toBe("editor");
  });

  it("falls back to the default role when no group is mapped; 'none' refuses", () => {
    expect(roleForGroups(["staff"], map, "viewer")).toBe("viewer");
    expect(roleForGroups([], map, "editor")).toBe("editor");
    expect(roleForGroups(["staff"], map, "none")).toBeNull();
    expect(roleForGroups(["ipam-viewers"], map, "none")).toBe("viewer");
  });

  it("compares group names exactly (an IdP's names are case-sensitive)", () => {
    expect(roleForGroups(["IPAM-ADMINS"], map, "viewer")).toBe("viewer");
  });
});
