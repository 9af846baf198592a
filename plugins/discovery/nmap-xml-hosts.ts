// What discovery reads of nmap's <host> elements, in one scan of the
// document's tags rather than a tree: a /16 has 65,536 hosts, and a parser's
// tree per host cost half of the 5 s budget (a whole-document tree is
// ~700 MB). The document is one that XMLValidator already accepted, so its
// markup is balanced, its names are XML names and its attributes are quoted
// and unique: this reads, it does not judge.
//
// The shape is the one fast-xml-parser gave (ignoreAttributes false, trimmed
// attribute values, entities left as written for decodeXmlText): of each
// <host> (not inside another), the direct children <status>, <address> and
// <hostnames>, and the <hostname> children of that one <hostnames>. A child
// that appears twice where nmap writes one (two <status>, two <hostnames>)
// counts as absent, as the parser's array did.

export type XmlAttributes = ReadonlyMap<string, string>;

export interface NmapHostFields {
  /** Offset of the <host> tag. */
  start: number;
  /** The attributes of the one <status>, or null (none, or several). */
  status: XmlAttributes | null;
  addresses: XmlAttributes[];
  /** The <hostname>s of the one <hostnames>. */
  hostnames: XmlAttributes[];
}

/** Where the markup `<` at `at` that is no element ends (comment, CDATA, processing instruction, declaration), or null for an element tag. */
export function skipNonElement(text: string, at: number): number | null {
  if (text[at + 1] !== "!" && text[at + 1] !== "?") return null;
  for (const [open, close] of [["<!--", "-->"], ["<![CDATA[", "]]>"], ["<?", "?>"], ["<!", ">"]] as const) {
    if (text.startsWith(open, at)) {
      const end = text.indexOf(close, at + open.length);
      return end === -1 ? text.length : end + close.length;
    }
  }
  return null;
}

/** The same attribute grammar as fast-xml-parser's: name, optional `= "value"` or `= 'value'`. */
const ATTRIBUTE = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/g;

/** The attributes of a tag, from the text after its name. */
function attributesOf(source: string): XmlAttributes {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match; match = ATTRIBUTE.exec(source)) {
    const value = match[3] ?? match[4];
    if (value !== undefined) attributes.set(match[1], value.trim());
  }
  return attributes;
}

/** The attributes of the tag named `name` at `lt`…`end`. */
function tagAttributes(text: string, lt: number, name: string, end: number): XmlAttributes {
  const selfClosing = text.charCodeAt(end - 1) === 0x2f;
  return attributesOf(text.slice(lt + 1 + name.length, selfClosing ? end - 1 : end));
}

/** Where the tag opened at `lt` ends (its `>`), past any `>` inside a quoted attribute value. */
function tagEnd(text: string, lt: number): number {
  let quote = 0;
  for (let i = lt + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) quote = c;
    else if (c === 0x3e) return i;
  }
  return text.length;
}

/** Whether the tag opened at `lt` is named `name` (followed by whitespace, "/" or ">"), without slicing it out. */
function named(text: string, lt: number, name: string): boolean {
  if (!text.startsWith(name, lt + 1)) return false;
  const next = text.charCodeAt(lt + 1 + name.length);
  return next === 0x3e || next === 0x2f || next === 0x20 || next === 0x0a || next === 0x09 || next === 0x0d;
}

interface OpenHost {
  start: number;
  /** Open elements from the <host> down, the host counted. */
  depth: number;
  /** Whether the open child of the host is a <hostnames>. */
  inHostnames: boolean;
  statuses: XmlAttributes[];
  addresses: XmlAttributes[];
  hostnameLists: XmlAttributes[][];
}

function finished(host: OpenHost): NmapHostFields {
  return {
    start: host.start,
    status: host.statuses.length === 1 ? host.statuses[0] : null,
    addresses: host.addresses,
    hostnames: host.hostnameLists.length === 1 ? host.hostnameLists[0] : [],
  };
}

/** Each <host> element's fields, in document order. */
export function* nmapHosts(text: string): Generator<NmapHostFields> {
  let host: OpenHost | null = null;
  let i = 0;
  while (i < text.length) {
    const lt = text.indexOf("<", i);
    if (lt === -1) return;
    const skipped = skipNonElement(text, lt);
    if (skipped !== null) {
      i = skipped;
      continue;
    }
    const end = tagEnd(text, lt);
    i = end + 1;
    if (text.charCodeAt(lt + 1) === 0x2f) {
      // A closing tag: the validator matched it with its opening one.
      if (host && --host.depth === 0) {
        yield finished(host);
        host = null;
      } else if (host?.depth === 1) host.inHostnames = false;
      continue;
    }
    const selfClosing = text.charCodeAt(end - 1) === 0x2f;
    if (!host) {
      if (!named(text, lt, "host")) continue;
      host = { start: lt, depth: 1, inHostnames: false, statuses: [], addresses: [], hostnameLists: [] };
      if (selfClosing) {
        yield finished(host);
        host = null;
      }
      continue;
    }
    if (host.depth === 1) {
      if (named(text, lt, "status")) host.statuses.push(tagAttributes(text, lt, "status", end));
      else if (named(text, lt, "address")) host.addresses.push(tagAttributes(text, lt, "address", end));
      else if (named(text, lt, "hostnames")) {
        host.hostnameLists.push([]);
        host.inHostnames = !selfClosing;
      }
    } else if (host.depth === 2 && host.inHostnames && named(text, lt, "hostname")) {
      host.hostnameLists[host.hostnameLists.length - 1].push(tagAttributes(text, lt, "hostname", end));
    }
    if (!selfClosing) host.depth++;
  }
}
