"use client";
import { useState } from "react";
import { formatPrefix, parseAddress, rangeToCidrs } from "@/lib/ipam";
import { ErrorText, PrefixList } from "@/components/calculator/output-table";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500";

/** First–last address range → the fewest CIDRs covering it exactly. */
export function RangePanel() {
  const [first, setFirst] = useState("10.0.0.5");
  const [last, setLast] = useState("10.0.0.77");
  let items: string[] = [];
  let error: string | null = null;
  try {
    const a = parseAddress(first);
    const b = parseAddress(last);
    if (a.family !== b.family) throw new Error("Both ends must be the same family");
    if (a.value > b.value) throw new Error("The first address is after the last");
    items = rangeToCidrs(a.family, a.value, b.value).map(formatPrefix);
  } catch (e) {
    error = (e as Error).message;
  }
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="calc-range-first" className="block text-sm font-medium text-slate-700">First address</label>
          <input id="calc-range-first" value={first} onChange={(e) => setFirst(e.target.value)} spellCheck={false} className={input} />
        </div>
        <div>
          <label htmlFor="calc-range-last" className="block text-sm font-medium text-slate-700">Last address</label>
          <input id="calc-range-last" value={last} onChange={(e) => setLast(e.target.value)} spellCheck={false} className={input} />
        </div>
      </div>
      {error ? <ErrorText>{error}</ErrorText> : <PrefixList items={items} testId="range-list" />}
    </div>
  );
}
