import { describe, expect, it } from "vitest";
import { hostListQuery } from "@/lib/schemas/list";
import { parseListQuery } from "@/components/tables/parse-list-query";
import { sortingFromParam, sortingToParam } from "@/components/tables/sorting";

describe("parseListQuery", () => {
  it("drops a bad value and names it instead of failing the page", () => {
    const { query, problems } = parseListQuery(hostListQuery, { status: "broken", page: "2", sort: "-ip_address" });
    expect(query.status).toBeUndefined();
    expect(query.page).toBe(2);
    expect(query.sort).toEqual({ field: "ip_address", desc: true });
    expect(problems).toEqual([expect.stringContaining("status")]);
  });
});

describe("sorting ⇄ sort parameter", () => {
  it("round-trips and leaves the default out of the URL", () => {
    expect(sortingFromParam({ field: "hostname", desc: true })).toEqual([{ id: "hostname", desc: true }]);
    expect(sortingToParam([{ id: "ip_address", desc: true }], "ip_address")).toBe("-ip_address");
    expect(sortingToParam([{ id: "ip_address", desc: false }], "ip_address")).toBeNull();
  });
});
