import { describe, expect, it } from "vitest";
import { Zone } from "@/plugins/bind/zone";
import { storedLine, zoneLine, ZoneSpool } from "@/plugins/bind/zone-spool";

// The zone spool stores ASCII only: other characters go in escaped and come
// back as they were, and a zone's size counts their UTF-8 bytes.

describe("ZoneSpool", () => {
  it("escapes what is not ASCII (and '\\') so that every line comes back as written", () => {
    for (const line of ["; cannot be a CNAME (RFC 1034 §3.6.2)", "a\\b", "\\00a7 literally", "😀 ü", "plain\tIN\tA\t10.0.0.1", ""]) {
      const stored = storedLine(line);
      expect(stored).toMatch(/^[\x00-\x7f]*$/);
      expect(zoneLine(stored)).toBe(line);
    }
    expect(storedLine("web\tIN\tA\t10.0.0.1")).toBe("web\tIN\tA\t10.0.0.1");
  });

  it("gives each zone its lines in part order (hosts, skipped, cuts), and its size in bytes", async () => {
    const spool = new ZoneSpool();
    try {
      const zone = new Zone("a.example", "forward", spool.sink);
      const other = new Zone("b.example", "forward", spool.sink);
      const empty = new Zone("c.example", "forward", spool.sink);
      spool.append("skipped", zone.name, "; skipped host 3");
      zone.add("web.a.example", "A", "10.0.0.1");
      other.add("b.example", "A", "10.0.0.2");
      zone.leaveOut("host 4: alias a.example left out (RFC 1034 §3.6.2)");
      spool.part = "cuts";
      zone.add("sub.a.example", "NS", "ns.example.net");
      const lines: string[] = [];
      for await (const chunk of spool.lines(zone)) lines.push(...chunk);
      expect(lines).toEqual([
        "web\tIN\tA\t10.0.0.1", "; host 4: alias a.example left out (RFC 1034 §3.6.2)", "; skipped host 3", "sub\tIN\tNS\tns.example.net.",
      ]);
      expect(spool.bodySize(zone)).toBe(Buffer.byteLength(`${lines.join("\n")}\n`));
      expect(spool.bodySize(empty)).toBe(1);
      expect(zone.counts).toMatchObject({ A: 1, NS: 1, "left out": 1 });
    } finally {
      spool.close();
    }
  });
});
