import type { z } from "zod";
import { cnameField, domainField, hostnameField } from "@/lib/schemas/fields";

// repair=true, row by row: a name the original app accepted but DNS cannot
// carry (db_01, café, web server) is taken out of the row and its text kept
// in the description, so the row imports with its address, MAC and status.
// The verdict is the shared field schemas' own (one hostname rule); a name
// they accept, uppercase included, is left for them to normalize.

export interface Repair {
  field: string;
  message: string;
}

export interface Repaired {
  input: Record<string, unknown>;
  repairs: Repair[];
}

/** The schema's message when `value` is not a valid `field`, or null. */
function problemOf(field: z.ZodType, value: string): string | null {
  const result = field.safeParse(value);
  return result.success ? null : result.error.issues[0].message;
}

/** `note` on its own line after the description the row already has. */
export function withNote(description: unknown, note: string): unknown {
  if (description === undefined || description === null || (typeof description === "string" && description.trim() === "")) return note;
  // Not text: the schema reports it, and the row fails as it would have.
  return typeof description === "string" ? `${description}\n${note}` : description;
}

export const keptAs = (note: string) => `kept in the description as "${note}"`;

/** Clears an invalid hostname and drops invalid aliases (and an alias that is the host's own name). */
export function repairHostNames(input: Record<string, unknown>): Repaired {
  const out = { ...input };
  const repairs: Repair[] = [];
  const note = (field: string, problem: string, text: string) => {
    out.description = withNote(out.description, text);
    repairs.push({ field, message: `${problem}: ${field === "hostname" ? "cleared" : "dropped"}, ${keptAs(text)}` });
  };
  let hostname: string | null = null;
  if (typeof input.hostname === "string") {
    const problem = problemOf(hostnameField, input.hostname);
    if (problem) {
      delete out.hostname;
      note("hostname", problem, `imported name: ${input.hostname.trim()}`);
    } else hostname = hostnameField.parse(input.hostname) ?? null;
  }
  if (typeof input.cname === "string") {
    const kept: string[] = [];
    for (const alias of input.cname.split(",").map((a) => a.trim()).filter(Boolean)) {
      const problem = problemOf(cnameField, alias);
      if (problem) note("cname", problem, `imported alias: ${alias}`);
      else if (cnameField.parse(alias) === hostname) repairs.push({ field: "cname", message: `Alias "${alias}" is this host's own hostname: dropped` });
      else kept.push(alias);
    }
    if (repairs.some((r) => r.field === "cname")) {
      if (kept.length) out.cname = kept.join(",");
      else delete out.cname;
    }
  }
  return { input: out, repairs };
}

/** Clears a network's domain that is not a DNS name ("Corp_LAN"). */
export function repairNetworkNames(input: Record<string, unknown>): Repaired {
  if (typeof input.domain !== "string") return { input, repairs: [] };
  const problem = problemOf(domainField, input.domain);
  if (!problem) return { input, repairs: [] };
  const text = `imported domain: ${input.domain.trim()}`;
  const { domain: _dropped, ...out } = input;
  return { input: { ...out, description: withNote(input.description, text) }, repairs: [{ field: "domain", message: `${problem}: cleared, ${keptAs(text)}` }] };
}
