import type { Zone } from "@/plugins/bind/zone";

// The named.conf fragment of the zone bundle: one `zone` statement per file.
// File names are relative to named's `directory` under ZONE_DIR, where the
// archive unpacks them (`tar -xzf ipam-zones.tar.gz -C <directory>`).

export const ZONE_DIR = "ipam";
export const NAMED_CONF = `${ZONE_DIR}/named.conf`;

const SAFE_STATEMENT = /^zone "[a-z0-9./-]+" \{ type master; file "[a-z0-9./-]+"; \};$/;

export function zoneStatement(zone: Zone): string {
  const line = `zone "${zone.name}" { type master; file "${ZONE_DIR}/${zone.file}"; };`;
  if (!SAFE_STATEMENT.test(line)) throw new Error("refusing to write an unsafe named.conf line");
  return line;
}

export function namedConf(zones: readonly Zone[], generatedAt: Date, outside: number): string {
  return [
    "// BIND zones exported by IPAM",
    `// Generated: ${generatedAt.toISOString()}`,
    `// ${zones.length} zones. Unpack the archive into named's directory and add:  include "<directory>/${NAMED_CONF}";`,
    `// Hosts whose names lie in no zone (no domain on their network): ${outside}, no A/AAAA records.`,
    "// An RFC 2317 block's /24 zone holds its delegation and CNAMEs: leave it out if another server is the /24's primary.",
    ...zones.map(zoneStatement),
    "",
  ].join("\n");
}
