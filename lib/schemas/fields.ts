import { z } from "zod";
import { embeddedIPv4Problem, formatAddress, parseAddress } from "@/lib/ipam";
import { dnsNameProblem, hasControlCharacters, hostnameProblem, normalizeDnsName, splitAliases } from "@/lib/schemas/dns";
import { hasHiddenOrBidiCharacters, hasLoneSurrogate } from "@/lib/schemas/unicode";

// Field schemas shared by every form, route and importer. Browser-safe: no
// server imports. Forms send "" for an empty input, so every optional field
// reads "" (or whitespace) as null. No single-line field accepts a control
// character, so nothing a user types can start a new line in a generated
// dnsmasq file. No text field accepts a lone UTF-16 surrogate; names also
// refuse invisible and bidi-control characters (lib/schemas/unicode.ts).

/** Thrown by a normalizer; its message becomes the field's error. */
class Problem extends Error {}

type Normalize = (value: string) => string;

function line(label: string, max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${label} is required` : `${label} must be text`) })
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !hasControlCharacters(v), `${label} must be a single line without control characters`)
    .refine((v) => !hasLoneSurrogate(v), brokenCharacter(label));
}

function brokenCharacter(label: string): string {
  return `${label} contains a broken character (a lone UTF-16 surrogate)`;
}

/** A single line that names something: no zero-width or direction-changing characters, so two names that look alike are alike. */
function nameLine(label: string, max: number) {
  return line(label, max).refine(
    (v) => !hasHiddenOrBidiCharacters(v),
    `${label} must not contain invisible or text-direction characters (zero-width, bidi override)`,
  );
}

function apply(normalize: Normalize | undefined, value: string, ctx: z.RefinementCtx): string {
  if (!normalize) return value;
  try {
    return normalize(value);
  } catch (error) {
    ctx.addIssue({ code: "custom", message: (error as Error).message });
    return z.NEVER;
  }
}

function required(base: ReturnType<typeof line>, label: string, normalize?: Normalize) {
  return base.min(1, `${label} is required`).transform((v, ctx) => apply(normalize, v, ctx));
}

function optional(base: ReturnType<typeof line>, normalize?: Normalize) {
  return base
    .transform((v, ctx): string | null => (v === "" ? null : apply(normalize, v, ctx)))
    .nullable()
    .optional();
}

/** A required single-line text field, optionally normalized. */
export function requiredText(label: string, max: number, normalize?: Normalize) {
  return required(line(label, max), label, normalize);
}

/** An optional single-line text field: "", whitespace, null and absence all mean null. */
export function optionalText(label: string, max: number, normalize?: Normalize) {
  return optional(line(label, max), normalize);
}

/** requiredText for a name (token name, …): also refuses invisible and bidi-control characters. */
export function requiredName(label: string, max: number, normalize?: Normalize) {
  return required(nameLine(label, max), label, normalize);
}

/** optionalText for a name (hostname, alias, domain, network name): also refuses invisible and bidi-control characters. */
export function optionalName(label: string, max: number, normalize?: Normalize) {
  return optional(nameLine(label, max), normalize);
}

// Free text (the original's description is a textarea): tabs and line breaks
// are text, every other control character is refused (NUL, escapes, DEL, C1:
// never typed, only pasted by accident or sent on purpose). Line breaks are
// stored as "\n" only: CRLF (how browsers submit a textarea) and a lone CR,
// and U+0085/U+2028/U+2029 (which JavaScript, Python's splitlines and some
// editors treat as line ends) are normalized rather than refused, so pasted
// text keeps its meaning and every exporter has one line break to escape.
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
const NON_TEXT_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A multi-line free-text field (descriptions): "", whitespace, null and absence mean null. */
export function optionalDescription(label: string, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .overwrite((v) => v.replace(LINE_BREAKS, "\n"))
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .refine((v) => !NON_TEXT_CONTROL.test(v), `${label} may contain line breaks and tabs but no other control characters`)
    .refine((v) => !hasLoneSurrogate(v), brokenCharacter(label))
    .transform((v): string | null => (v === "" ? null : v))
    .nullable()
    .optional()
    .meta({ description: `Free text, several lines allowed (line breaks are stored as \\n); at most ${max} characters` });
}

export const descriptionField = optionalDescription("Description", 1000);

export const normalizeHostname: Normalize = (value) => {
  const name = normalizeDnsName(value);
  const problem = hostnameProblem(name);
  if (problem) throw new Problem(`Hostname ${problem}`);
  return name;
};

export const normalizeDomain: Normalize = (value) => {
  const name = normalizeDnsName(value);
  const problem = dnsNameProblem(name);
  if (problem) throw new Problem(`Domain ${problem}`);
  return name;
};

/** "a, B.example.com" → "a,b.example.com"; each alias must be a valid host name. */
export const normalizeCname: Normalize = (value) => {
  const names = splitAliases(value);
  if (names.length === 0) throw new Problem("CNAME needs at least one name");
  for (const name of names) {
    const problem = hostnameProblem(name);
    if (problem) throw new Problem(`Alias "${name}" ${problem}`);
  }
  return names.join(",");
};

const MAC_FORMS = [
  /^([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})$/,
  /^([0-9a-f]{2})([0-9a-f]{2})\.([0-9a-f]{2})([0-9a-f]{2})\.([0-9a-f]{2})([0-9a-f]{2})$/,
  /^([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/,
];

/** aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF, aabb.ccdd.eeff or aabbccddeeff → "aa:bb:cc:dd:ee:ff". */
export const normalizeMac: Normalize = (value) => {
  const text = value.toLowerCase();
  for (const form of MAC_FORMS) {
    const match = form.exec(text);
    // One separator style per address: "aa:bb-cc…" is a typo, not a MAC.
    if (match && !(text.includes(":") && text.includes("-"))) return match.slice(1).join(":");
  }
  throw new Problem("MAC address must look like aa:bb:cc:dd:ee:ff, AA-BB-CC-DD-EE-FF or aabb.ccdd.eeff");
};

/** Canonical text of an IPv4/IPv6 address ("2001:DB8:0::1" → "2001:db8::1"). */
export const normalizeAddress: Normalize = (value) => {
  let address;
  try {
    address = parseAddress(value);
  } catch (error) {
    throw new Problem((error as Error).message);
  }
  const embedded = embeddedIPv4Problem(address);
  if (embedded) throw new Problem(`${value.trim()}: ${embedded}`);
  return formatAddress(address);
};

export const addressField = (label = "IP address") => requiredText(label, 64, normalizeAddress);
export const optionalAddress = (label: string) => optionalText(label, 64, normalizeAddress);

export const hostnameField = optionalName("Hostname", 253, normalizeHostname);
export const cnameField = optionalName("CNAME", 2000, normalizeCname);
export const domainField = optionalName("Domain", 253, normalizeDomain);
export const macField = optionalText("MAC address", 40, normalizeMac);

export const hostStatuses = ["active", "inactive", "reserved"] as const;
export type HostStatus = (typeof hostStatuses)[number];
export const statusField = z.enum(hostStatuses, { error: "Status must be active, inactive or reserved" });

export const networkStatuses = ["active", "reserved", "deprecated", "container"] as const;
export type NetworkStatus = (typeof networkStatuses)[number];
export const networkStatusField = z.enum(networkStatuses, { error: "Status must be active, reserved, deprecated or container" });

/** A whole number from JSON or from a form input ("12"); "" means null. */
export function optionalInteger(label: string, min: number, max: number) {
  const range = `${label} must be a whole number from ${min} to ${max}`;
  return z
    .union([z.number({ error: range }), z.string().trim().regex(/^\d*$/, range)], { error: range })
    .transform((v) => (v === "" ? null : Number(v)))
    .pipe(z.number().int(range).min(min, range).max(max, range).nullable())
    .nullable()
    .optional();
}

export const vlanIdField = optionalInteger("VLAN ID", 1, 4094);
export const cidrField = optionalInteger("CIDR", 0, 128);
export const familyField = z.union([z.literal(4), z.literal(6)]);

/** ISO 8601 timestamp with an offset ("2026-01-02T03:04:05Z"); "" means null. */
export const optionalTimestamp = (label: string) =>
  z
    .union([z.iso.datetime({ offset: true, error: `${label} must be an ISO 8601 timestamp` }), z.literal("")])
    .transform((v) => (v === "" ? null : new Date(v)))
    .nullable()
    .optional();

/** Accepted on input and ignored, so a GET body can be PUT back unchanged. */
export const readOnly = (description: string) => z.unknown().optional().meta({ readOnly: true, description });
