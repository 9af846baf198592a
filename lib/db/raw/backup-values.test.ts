import { describe, expect, it } from "vitest";
import { isoTimestamp, portableType, quoteIdentifier } from "@/lib/db/raw/backup-values";

describe("backup values", () => {
  it("reads every way SQLite and PostgreSQL hold a timestamp as ISO UTC with milliseconds", () => {
    expect(isoTimestamp("2026-12-02T06:15:27.185+00:00")).toBe("2026-12-02T06:15:27.185Z"); // Prisma's SQLite adapter
    expect(isoTimestamp("2026-12-02 06:15:27")).toBe("2026-12-02T06:15:27.000Z"); // CURRENT_TIMESTAMP, UTC without a zone
    expect(isoTimestamp("2026-12-02 06:15:27.5")).toBe("2026-12-02T06:15:27.500Z");
    expect(isoTimestamp("2026-12-02T08:15:27.185+02:00")).toBe("2026-12-02T06:15:27.185Z");
    expect(isoTimestamp(Date.UTC(2026, 11, 2, 6, 15, 27, 185))).toBe("2026-12-02T06:15:27.185Z"); // ms since the epoch
    expect(() => isoTimestamp("yesterday")).toThrow(/Unreadable timestamp/);
  });

  it("maps both engines' declared types, and stops at a type it cannot carry", () => {
    expect(["INTEGER", "integer", "TEXT", "DATETIME", "timestamp without time zone", "BOOLEAN", "bigint", "REAL"].map((t) => portableType("t", "c", t)))
      .toEqual(["int", "int", "text", "datetime", "datetime", "bool", "bigint", "float"]);
    expect(() => portableType("t", "payload", "BLOB")).toThrow("Column t.payload has type BLOB");
  });

  it("quotes plain names only", () => {
    expect(quoteIdentifier("host_names")).toBe('"host_names"');
    expect(() => quoteIdentifier('x"; DROP TABLE users; --')).toThrow(/Refusing/);
  });
});
