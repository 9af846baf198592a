import { hostnameField, macField } from "@/lib/schemas/fields";

// Names and MACs from the network are untrusted: a DHCP client chooses its
// own hostname, a PTR record says what its zone's owner wants. They pass the
// same field schemas as a form's input; a refused one is reported in the
// change set and never written.

export interface ObservedValue {
  value: string | null;
  problem: string | null;
}

const none: ObservedValue = { value: null, problem: null };

function firstMessage(error: { issues: Array<{ message: string }> }): string {
  return error.issues[0]?.message ?? "invalid";
}

export function observedMac(text: string | null): ObservedValue {
  if (text === null || text.trim() === "") return none;
  const parsed = macField.safeParse(text);
  return parsed.success
    ? { value: parsed.data ?? null, problem: null }
    : { value: null, problem: `MAC "${text.slice(0, 64)}" refused: ${firstMessage(parsed.error)}` };
}

/**
 * A reported name as the hosts table would store it: lowercase, without a
 * trailing dot, and without the network's domain (a PTR or Kea FQDN
 * "web1.example.com." in a network with domain example.com is host "web1").
 */
export function observedHostname(text: string | null, domain: string | null): ObservedValue {
  if (text === null || text.trim() === "") return none;
  let name = text.trim().toLowerCase().replace(/\.$/, "");
  if (domain && name.endsWith(`.${domain}`)) name = name.slice(0, -(domain.length + 1));
  const parsed = hostnameField.safeParse(name);
  return parsed.success
    ? { value: parsed.data ?? null, problem: null }
    : { value: null, problem: `Hostname "${text.slice(0, 64)}" refused: ${firstMessage(parsed.error)}` };
}
