import { isIpamError, parsePrefix, type Prefix } from "@/lib/ipam";

export type ReadPrefix = { ok: true; prefix: Prefix; note?: string } | { ok: false; error: string };

/**
 * What the calculator accepts: "10.0.0.0/24", "10.0.0.0 255.255.255.0",
 * "10.0.0.0/255.255.255.0", or an address inside the network ("10.0.0.77/24"),
 * which is read as the network containing it rather than refused.
 */
export function readPrefix(text: string): ReadPrefix {
  const value = text.trim();
  if (value === "") return { ok: false, error: "Enter a prefix such as 192.168.1.0/24" };
  const [address, length] = value.includes("/") ? [value, undefined] : value.split(/\s+/, 2);
  try {
    return { ok: true, prefix: parsePrefix(address, length) };
  } catch (error) {
    if (isIpamError(error) && error.code === "host_bits_set" && error.suggestion) {
      const shown = length ? `${address} ${length}` : value;
      return { ok: true, prefix: parsePrefix(error.suggestion), note: `${shown} has host bits set — showing its network ${error.suggestion}` };
    }
    return { ok: false, error: (error as Error).message };
  }
}
