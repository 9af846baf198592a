import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { withTempDir } from "@/plugins/dnsmasq/testing/daemon";

// The real Kea for tests: `kea-dhcp4 -t` / `kea-dhcp6 -t` (Debian's
// kea-dhcp4-server / kea-dhcp6-server, binaries in /usr/sbin). A fragment is
// checked the way it is deployed: <?include ?>d by a minimal config.

// /usr/sbin is not on every user's PATH.
export const keaBinary = (family: 4 | 6) => (existsSync(`/usr/sbin/kea-dhcp${family}`) ? `/usr/sbin/kea-dhcp${family}` : `kea-dhcp${family}`);

/** The smallest config that includes a fragment as its subnet list. */
export function wrapFragment(family: 4 | 6, fragmentFile: string, extra = ""): string {
  return `{ "Dhcp${family}": { ${extra}"lease-database": { "type": "memfile", "persist": false },
  "subnet${family}": <?include "${fragmentFile}" ?> } }\n`;
}

/** Exit code 0 and no WARN/ERROR line: Kea reports trailing commas and similar slips only as warnings. */
export function keaTest(family: 4 | 6, text: string, format: "config" | "fragment"): { ok: boolean; output: string } {
  return withTempDir((dir) => {
    const file = path.join(dir, format === "config" ? `kea-dhcp${family}.conf` : `ipam-subnet${family}.json`);
    writeFileSync(file, text);
    let config = file;
    if (format === "fragment") {
      config = path.join(dir, "wrapper.conf");
      writeFileSync(config, wrapFragment(family, file));
    }
    const r = spawnSync(keaBinary(family), ["-t", config], { encoding: "utf8" });
    if (r.error) throw r.error;
    const output = `${r.stdout}${r.stderr}`;
    const complaints = output.split("\n").filter((l) => / (WARN|ERROR|FATAL) /.test(l) || /^Error/.test(l));
    return { ok: r.status === 0 && complaints.length === 0, output: complaints.length ? complaints.join("\n") : output.slice(-2000) };
  });
}
