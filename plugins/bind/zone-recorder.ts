import type { ReverseZone } from "@/plugins/bind/reverse-zones";
import type { LineKind, Zone } from "@/plugins/bind/zone";
import { storedLine, zoneLine } from "@/plugins/bind/zone-spool";
import { Zones } from "@/plugins/bind/zones";

// The one-pass export writes each host's records while it reads, before it
// knows whether another host shares the host's name (plugins/export/host-pass.ts
// then rewrites the few that do). So what publishHost does to the zones is
// recorded as tagged lines in read order, and replayed into the real zones
// once the text is final: replaying makes the zones, their lines, counts and
// the name servers' addresses in exactly the order holding every host did.
//
// A tagged line is `op TAB name TAB rest`:
//   f / r   a line of the forward / reverse zone `name` (rest: the zone line, as stored: plugins/bind/zone-spool.ts)
//   F       forward zone `name` is made, even if it gets no line (Zones.forwardZoneOfAny)
//   n       name server `name` has an address (rest: type TAB address)
//   o       a host none of whose names lies in a forward zone (no name, no rest)
//   s       a skipped host's note for forward zone `name` (rest: the comment line, as stored)

/** Publishes into tagged lines instead of zones; the zone objects it hands out only tag. */
export class ZoneRecorder extends Zones {
  private readonly target: { out: string[] };
  private readonly reverseZones = new Map<string, ReverseZone>();

  constructor(domains: Iterable<string>, nsNames: ReadonlySet<string>) {
    const target = { out: [] as string[] };
    super(domains, nsNames, (zone, line) => target.out.push(`${zone.kind === "forward" ? "f" : "r"}\t${zone.name}\t${storedLine(line)}`));
    this.target = target;
  }

  /** Where the current host's tagged lines go. */
  set out(out: string[]) {
    this.target.out = out;
  }

  override reverseZone(r: ReverseZone): Zone {
    if (!this.reverseZones.has(r.name)) this.reverseZones.set(r.name, r);
    return super.reverseZone(r);
  }

  override forwardZoneOfAny(fqdns: readonly string[]): Zone | null {
    for (const fqdn of fqdns) {
      const zone = this.forwardZoneOf(fqdn);
      if (zone) this.target.out.push(`F\t${zone.name}\t`);
    }
    return super.forwardZoneOfAny(fqdns);
  }

  override addNsAddress(fqdn: string, type: "A" | "AAAA", ip: string): void {
    this.target.out.push(`n\t${fqdn}\t${type}\t${ip}`);
  }

  /** The reverse zone a recorded line named. */
  reverseZoneNamed(name: string): ReverseZone {
    const zone = this.reverseZones.get(name);
    if (!zone) throw new Error(`no reverse zone ${name} was recorded`);
    return zone;
  }
}

/** What a zone line counts as in its header: a comment is something left out, otherwise its type. */
function lineKind(line: string): LineKind {
  if (line.charCodeAt(0) === 59 /* ; */) return "left out";
  const type = line.indexOf("\t", line.indexOf("\t") + 1) + 1;
  return line.slice(type, line.indexOf("\t", type)) as LineKind;
}

/** Applies tagged lines, in order, to the real zones. */
export class ZoneReplay {
  /** Hosts with no name in a forward zone. */
  outside = 0;
  /** Skipped hosts' notes per forward zone, in the order the zones first had one (their lines go to `skipped`). */
  readonly skippedCounts = new Map<string, number>();

  constructor(private readonly zones: Zones, private readonly recorder: ZoneRecorder, private readonly skipped: (zoneName: string, line: string) => void) {}

  apply(tagged: string): void {
    const end = tagged.indexOf("\t", 2);
    const name = tagged.slice(2, end);
    const rest = zoneLine(tagged.slice(end + 1));
    switch (tagged[0]) {
      case "f": this.zones.forwardZone(name).write(rest, lineKind(rest)); break;
      case "r": this.zones.reverseZone(this.recorder.reverseZoneNamed(name)).write(rest, lineKind(rest)); break;
      case "F": this.zones.forwardZone(name); break;
      case "n": {
        const [type, ip] = rest.split("\t");
        this.zones.addNsAddress(name, type as "A" | "AAAA", ip);
        break;
      }
      case "o": this.outside++; break;
      case "s":
        this.skipped(name, rest);
        this.skippedCounts.set(name, (this.skippedCounts.get(name) ?? 0) + 1);
        break;
      default: throw new Error(`unknown zone record tag ${JSON.stringify(tagged[0])}`);
    }
  }
}
