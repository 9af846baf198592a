"use client";
import { useState } from "react";
import { Count } from "@/components/ui/count";
import { formatPrefix, maxLength, subnetCount, subnets } from "@/lib/ipam";
import { ErrorText, PrefixList } from "@/components/calculator/output-table";
import { readPrefix } from "@/components/calculator/read-prefix";

const SHOWN = 256;

/** The /n subnets of the prefix entered above; only the first 256 are listed. */
export function SplitPanel({ prefixText }: { prefixText: string }) {
  const read = readPrefix(prefixText);
  const [length, setLength] = useState("");
  if (!read.ok) return <p className="text-sm text-slate-500">Enter a valid prefix above to split it.</p>;
  const { prefix } = read;
  const bits = maxLength(prefix.family);
  const lengths = Array.from({ length: bits - prefix.length }, (_, i) => prefix.length + 1 + i);
  const chosen = lengths.includes(Number(length)) ? Number(length) : Math.min(prefix.length + 2, bits);
  if (lengths.length === 0) return <p className="text-sm text-slate-500">A /{bits} cannot be split further.</p>;
  let items: string[] = [];
  let error: string | null = null;
  try {
    items = subnets(prefix, chosen, { limit: SHOWN }).map(formatPrefix);
  } catch (e) {
    error = (e as Error).message;
  }
  const total = subnetCount(prefix, chosen);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="calc-split" className="block text-sm font-medium text-slate-700">Split {formatPrefix(prefix)} into</label>
          <select
            id="calc-split"
            value={chosen}
            onChange={(e) => setLength(e.target.value)}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500"
          >
            {lengths.map((l) => (
              <option key={l} value={l}>/{l}</option>
            ))}
          </select>
        </div>
        <p className="pb-2 text-sm text-slate-600" data-testid="split-count">
          <Count value={total} /> subnets{total > BigInt(SHOWN) && `, first ${SHOWN} shown`}
        </p>
      </div>
      {error ? <ErrorText>{error}</ErrorText> : <PrefixList items={items} testId="split-list" />}
    </div>
  );
}
