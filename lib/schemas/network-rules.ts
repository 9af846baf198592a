import { formatPrefix, lastAddress, parseAddress, reservedIPv4End, type Prefix } from "@/lib/ipam";
import { addFieldError, type FieldErrors } from "@/lib/errors";

// Cross-field rules for a network's gateway and DHCP pool. Pure, so a form
// shows the same message as the API and the PATCH merge is checked the same way.

interface Shape {
  prefix: Prefix;
  gateway: string | null;
  dhcp_start: string | null;
  dhcp_end: string | null;
}

/** Why `address` cannot serve inside `prefix`, or null. IPv4 network and broadcast addresses are reserved except in /31 and /32. */
export function addressProblemIn(prefix: Prefix, address: string, label: string): string | null {
  const a = parseAddress(address);
  const last = lastAddress(prefix);
  if (a.family !== prefix.family || a.value < prefix.network || a.value > last) {
    return `${label} ${address} is not inside ${formatPrefix(prefix)}`;
  }
  const reserved = reservedIPv4End(prefix, a.value);
  return reserved ? `${label} must not be the ${reserved} address ${address}` : null;
}

export function networkProblems(v: Shape): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => addFieldError(errors, field, message);
  const check = (field: "gateway" | "dhcp_start" | "dhcp_end", label: string) => {
    const value = v[field];
    const problem = value ? addressProblemIn(v.prefix, value, label) : null;
    if (problem) add(field, problem);
    return value !== null && problem === null;
  };
  check("gateway", "Gateway");
  const startOk = check("dhcp_start", "DHCP start");
  const endOk = check("dhcp_end", "DHCP end");
  if (v.dhcp_start && !v.dhcp_end) add("dhcp_end", "DHCP end is required when DHCP start is set");
  if (v.dhcp_end && !v.dhcp_start) add("dhcp_start", "DHCP start is required when DHCP end is set");
  if (startOk && endOk && parseAddress(v.dhcp_start!).value > parseAddress(v.dhcp_end!).value) {
    add("dhcp_end", `DHCP end must not be before DHCP start (${v.dhcp_start})`);
  }
  return errors;
}

/** The first and last address of the DHCP pool as numbers, or null. */
export function dhcpPool(v: Pick<Shape, "dhcp_start" | "dhcp_end">): { first: bigint; last: bigint } | null {
  if (!v.dhcp_start || !v.dhcp_end) return null;
  return { first: parseAddress(v.dhcp_start).value, last: parseAddress(v.dhcp_end).value };
}
