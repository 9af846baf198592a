"use client";
import { Count } from "@/components/ui/count";
import { formatValue, lastAddress, lengthToMask, prefixFacts } from "@/lib/ipam";
import { ErrorText, OutputTable } from "@/components/calculator/output-table";
import { readPrefix } from "@/components/calculator/read-prefix";

/** Range, capacity, broadcast, netmask and wildcard of any IPv4/IPv6 prefix, as you type. */
export function PrefixFactsPanel({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const read = readPrefix(value);
  const facts = read.ok ? prefixFacts(read.prefix) : null;
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor="calc-prefix" className="block text-sm font-medium text-slate-700">Prefix</label>
        <input
          id="calc-prefix"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          placeholder="192.168.1.0/24 or 2001:db8::/48"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="calc-prefix-status"
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500"
        />
        <div id="calc-prefix-status" className="mt-1 min-h-5 text-xs">
          {!read.ok && value.trim() !== "" && <ErrorText>{read.error}</ErrorText>}
          {read.ok && read.note && <p className="text-amber-700">{read.note}</p>}
        </div>
      </div>
      {facts && read.ok && (
        <OutputTable
          testId="prefix-facts"
          rows={[
            ["Prefix", facts.prefix],
            ["Family", `IPv${facts.family}`],
            ["Network", facts.network],
            ["Netmask", facts.netmask ?? lengthToMask(read.prefix.length, 6)],
            ["Wildcard", facts.wildcard ?? "—"],
            ["Broadcast", facts.broadcast ?? "— (IPv6 has none)"],
            ["First usable", facts.first_usable],
            ["Last usable", facts.last_usable],
            ["Range", `${facts.network} – ${formatValue(read.prefix.family, lastAddress(read.prefix))}`],
            ["Addresses", <Count key="addresses" value={facts.total_addresses} />],
            ["Capacity", <Count key="capacity" value={facts.capacity} />],
          ]}
        />
      )}
    </div>
  );
}

