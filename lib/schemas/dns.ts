// DNS name rules shared by hostname, cname and domain. Pure functions so the
// exporters can re-check what they write without going through zod.

const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
// dnsmasq's dhcp-host recognises fields by content: a bare number or a number
// with a unit (12h, 30m, 1d, 2w) is a lease time, "infinite" too, "ignore" a
// keyword. A host called any of these would silently change the DHCP config.
const DNSMASQ_WORD = /^(?:\d+[smhdw]?|infinite|ignore)$/;

/** Lower-cases and drops one trailing root dot ("Web1.Example.COM." → "web1.example.com"). */
export function normalizeDnsName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, "");
}

/** Why `name` (already normalized) is not a valid RFC 1123 DNS name, or null when it is. */
export function dnsNameProblem(name: string): string | null {
  if (name.length === 0) return "must not be empty";
  if (name.length > 253) return "must be at most 253 characters";
  const labels = name.split(".");
  for (const label of labels) {
    if (label.length === 0) return "must not contain empty labels (..)";
    if (label.length > 63) return `label "${label.slice(0, 20)}…" is longer than 63 characters`;
    if (!LABEL.test(label)) {
      return label.startsWith("-") || label.endsWith("-")
        ? `label "${label}" must not start or end with a hyphen`
        : `label "${label}" may contain only letters, digits and hyphens`;
    }
  }
  // RFC 1123 §2.1: a top-level label is never all-numeric, so a name can
  // never be mistaken for an IPv4 address.
  if (/^\d+$/.test(labels[labels.length - 1])) {
    return labels.length === 1
      ? "must not be all digits (dnsmasq reads a number as a lease time)"
      : "must not end in an all-numeric label";
  }
  return null;
}

/** Why `name` is not usable as a host name (DNS rules plus dnsmasq's reserved words), or null. */
export function hostnameProblem(name: string): string | null {
  const problem = dnsNameProblem(name);
  if (problem) return problem;
  if (DNSMASQ_WORD.test(name)) return "is read by dnsmasq as a lease time or keyword; choose another name";
  return null;
}

/** Splits a comma-separated alias list, normalizes each name and drops empties and repeats. */
export function splitAliases(text: string): string[] {
  const names = text.split(",").map(normalizeDnsName).filter((name) => name.length > 0);
  return [...new Set(names)];
}

// C0 and C1 control characters plus Unicode line/paragraph separators: any of
// them could end a line in a generated config file.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text);
}

/**
 * A name's identity: a hostname or alias plus the domain of the host's
 * network. A dotted name is already qualified and stays as written; without
 * a domain the bare name is the identity. Inputs are normalized names.
 */
export function fqdnOf(name: string, domain: string | null): string {
  return domain && !name.includes(".") ? `${name}.${domain}` : name;
}
