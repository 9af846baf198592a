"use client";
import { useState } from "react";
import { formatPrefix, parsePrefix, summarize, type Prefix } from "@/lib/ipam";
import { ErrorText, PrefixList } from "@/components/calculator/output-table";

const example = "10.0.0.0/24\n10.0.1.0/24\n10.0.2.0/23\n192.168.0.0/25\n192.168.0.128/25";

/** The fewest CIDRs that cover exactly a pasted list (one per line, or comma/space separated). */
export function SummarizePanel() {
  const [text, setText] = useState(example);
  const entries = text.split(/[\s,;]+/).filter(Boolean);
  const prefixes: Prefix[] = [];
  const problems: string[] = [];
  for (const entry of entries) {
    try {
      prefixes.push(parsePrefix(entry));
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  const result = problems.length === 0 ? summarize(prefixes).map(formatPrefix) : [];
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <div>
        <label htmlFor="calc-summarize" className="block text-sm font-medium text-slate-700">Prefixes</label>
        <textarea
          id="calc-summarize"
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={7}
          spellCheck={false}
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500"
        />
      </div>
      <div>
        <p className="text-sm font-medium text-slate-700">
          Summary {result.length > 0 && <span className="font-normal text-slate-500">({entries.length} → {result.length})</span>}
        </p>
        <div className="mt-1">
          {problems.length > 0 ? (
            <ErrorText>{problems[0]}{problems.length > 1 && ` (and ${problems.length - 1} more)`}</ErrorText>
          ) : result.length === 0 ? (
            <p className="text-sm text-slate-500">Paste prefixes on the left.</p>
          ) : (
            <PrefixList items={result} testId="summarize-list" />
          )}
        </div>
      </div>
    </div>
  );
}
