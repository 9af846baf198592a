import { describe, expect, it } from "vitest";
import { detectImporter } from "@/plugins/import/detect";
import { legacyTimestamp, normalizeColumn } from "@/plugins/import/legacy";

const upload = (filename: string | null, bytes: string | Buffer, mediaType: string | null = null) => ({ filename, mediaType, bytes: Buffer.from(bytes) });

describe("name=auto", () => {
  it("goes by the file name's extension, then the media type, then the content", () => {
    expect(detectImporter(upload("Hosts.CSV", "{"))).toBe("csv");
    expect(detectImporter(upload("export.json", "ip"))).toBe("json");
    expect(detectImporter(upload("ipam.sqlite3", ""))).toBe("flask-ipam");
    expect(() => detectImporter(upload("hosts.txt", ""))).toThrow(/\.txt/);
    expect(detectImporter(upload(null, "x", "application/json"))).toBe("json");
    expect(detectImporter(upload(null, Buffer.concat([Buffer.from("SQLite format 3\0"), Buffer.alloc(100)])))).toBe("flask-ipam");
    expect(detectImporter(upload(null, "\uFEFF  [{}]"))).toBe("json");
    expect(detectImporter(upload(null, "ip_address\n10.0.0.1\n"))).toBe("csv");
  });
});

describe("the original app's spellings", () => {
  it.each([["IP Address", "ip_address"], ["VLAN ID", "vlan_id"], [" mac-address ", "mac_address"], ["hostname", "hostname"]])("column %j → %j", (a, b) => {
    expect(normalizeColumn(a)).toBe(b);
  });
  it.each([
    ["2024-05-01T10:00:00", "2024-05-01T10:00:00Z"], ["2024-05-01 10:00:00.123456", "2024-05-01T10:00:00.123456Z"],
    ["2024-05-01T10:00:00+02:00", "2024-05-01T10:00:00+02:00"], ["yesterday", "yesterday"],
  ])("timestamp %j → %j (naive times are UTC)", (a, b) => {
    expect(legacyTimestamp(a)).toBe(b);
  });
});
