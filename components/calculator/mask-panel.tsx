"use client";
import { useState } from "react";
import { lengthToMask, maskToLength } from "@/lib/ipam";

const input = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500";

function attempt<T>(fn: () => T): { value: T } | { error: string } {
  try {
    return { value: fn() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** Netmask ⇄ prefix length, both ways at once. */
export function MaskPanel() {
  const [length, setLength] = useState("24");
  const [mask, setMask] = useState("255.255.252.0");
  const lengthText = length.trim();
  const family = Number(lengthText) > 32 ? 6 : 4;
  const toMask = lengthText === "" ? null : /^\d{1,3}$/.test(lengthText) ? attempt(() => lengthToMask(Number(lengthText), family)) : { error: "Enter a whole number 0–128" };
  const toLength = mask.trim() === "" ? null : attempt(() => maskToLength(mask));
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="calc-length" className="block text-sm font-medium text-slate-700">Prefix length</label>
        <input id="calc-length" value={length} onChange={(e) => setLength(e.target.value)} inputMode="numeric" className={input} aria-describedby="calc-length-out" />
        <p id="calc-length-out" className="mt-1.5 text-sm" data-testid="length-to-mask">
          {toMask && ("error" in toMask ? <span className="text-red-600">{toMask.error}</span> : <>Netmask <code className="font-mono font-medium">{toMask.value}</code>{family === 6 && " (IPv6)"}</>)}
        </p>
      </div>
      <div>
        <label htmlFor="calc-mask" className="block text-sm font-medium text-slate-700">Netmask</label>
        <input id="calc-mask" value={mask} onChange={(e) => setMask(e.target.value)} spellCheck={false} className={input} aria-describedby="calc-mask-out" />
        <p id="calc-mask-out" className="mt-1.5 text-sm" data-testid="mask-to-length">
          {toLength && ("error" in toLength ? <span className="text-red-600">{toLength.error}</span> : <>Prefix length <code className="font-mono font-medium">/{toLength.value}</code></>)}
        </p>
      </div>
    </div>
  );
}
