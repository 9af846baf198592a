import { XMLValidator } from "fast-xml-parser";
import { AppError } from "@/lib/errors";
import { MAX_DISCOVERY_ADDRESSES, type Observation } from "@/lib/schemas/discovery";
import { decodeText, fileProblem, lineAt, lineCounter } from "@/plugins/discovery/file-problem";
import { nmapHosts, skipNonElement, type XmlAttributes } from "@/plugins/discovery/nmap-xml-hosts";
import { assertObservationCount, observedAddress } from "@/plugins/discovery/observed-address";

// nmap's XML output (-oX): <nmaprun> holds one <host> per address, with
// <status state="up|down">, <address addr addrtype="ipv4|ipv6|mac">, and
// <hostnames><hostname name type="user|PTR"/>. Only hosts that are up count.

/** nmap writes `<!DOCTYPE nmaprun>`; declarations inside `[ … ]` are how entity bombs and external entities arrive. */
const DTD_SUBSET = /<!DOCTYPE[^>[]*\[/i;

const PREDEFINED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXmlText(value: string): string {
  return value.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|amp|lt|gt|quot|apos);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return PREDEFINED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Runs fast-xml-parser's validator; it also throws plain errors on some broken input (an unclosed CDATA): those are a 422 too. */
function guarded<T>(line: number | null, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileProblem(line, `malformed XML: ${(error as Error).message}`);
  }
}

/** The root element's name (after the prolog, comments and DOCTYPE). */
function rootName(text: string): string | null {
  for (let i = text.indexOf("<"); i !== -1; i = text.indexOf("<", i)) {
    const skipped = skipNonElement(text, i);
    if (skipped === null) return /^<([^\s>/]+)/.exec(text.slice(i, i + 64))?.[1] ?? null;
    i = skipped;
  }
  return null;
}

// Module-level, not arrows in the loop: a closure per <host> costs (65,536 of them).
const isIpAddress = (a: XmlAttributes) => a.get("addrtype") === "ipv4" || a.get("addrtype") === "ipv6";
const isMacAddress = (a: XmlAttributes) => a.get("addrtype") === "mac";
const isTargetName = (n: XmlAttributes) => n.get("type") === "user";
const isPtrName = (n: XmlAttributes) => n.get("type") === "PTR";

export function parseNmapXml(bytes: Uint8Array): Observation[] {
  const text = decodeText(bytes);
  const subset = DTD_SUBSET.exec(text);
  if (subset) throw fileProblem(lineAt(text, subset.index), "a DTD with declarations (<!ENTITY …>) is refused: nmap never writes one");
  const valid = guarded(null, () => XMLValidator.validate(text));
  if (valid !== true) throw fileProblem(valid.err.line, `malformed XML: ${valid.err.msg}`);
  if (rootName(text) !== "nmaprun") throw fileProblem(null, "not an nmap XML file (-oX): the root element is not <nmaprun>");
  const lineOf = lineCounter(text);
  const byAddress = new Map<string, Observation>();
  for (const host of nmapHosts(text)) {
    if (host.status?.get("state") !== "up") continue;
    const line = lineOf(host.start);
    const ip = host.addresses.find(isIpAddress)?.get("addr");
    if (!ip) throw fileProblem(line, "a <host> that is up has no ipv4 or ipv6 <address>");
    const ip_address = observedAddress(decodeXmlText(ip), line);
    const mac = host.addresses.find(isMacAddress)?.get("addr");
    const names = host.hostnames;
    // The name the user typed as the target, else the reverse-DNS one.
    const name = (names.find(isTargetName) ?? names.find(isPtrName) ?? names[0])?.get("name");
    byAddress.delete(ip_address);
    byAddress.set(ip_address, { ip_address, mac_address: mac ? decodeXmlText(mac) : null, hostname: name ? decodeXmlText(name) : null, line });
    assertObservationCount(byAddress.size, MAX_DISCOVERY_ADDRESSES, line);
  }
  return [...byAddress.values()];
}

/** When nmap ran (nmaprun@start, seconds since 1970), or null. */
export function nmapStartTime(bytes: Uint8Array): Date | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const match = /<nmaprun\b[^>]*\sstart="(\d{1,12})"/.exec(head);
  return match ? new Date(Number(match[1]) * 1000) : null;
}
