"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/components/ui/format-count";
import { defaultSubnetLength } from "@/lib/ipam";
import { networkInputSchema } from "@/lib/schemas/network";
import { createNetworkAction, planSubnetsAction } from "@/app/(app)/networks/actions";

type Offer = { prefix: string; hosts: number | string };

/**
 * Choose a length, see the child prefixes of that length whose creation would
 * succeed (the service's available-subnets), each with the number of existing
 * hosts it would take in, and create one with one click. By default only
 * empty blocks are offered; unticking "Empty only" adds the ones that would
 * take in hosts.
 */
export function SubnetPlanner({ networkId, family, cidr, canWrite }: { networkId: number; family: 4 | 6; cidr: number; canWrite: boolean }) {
  const router = useRouter();
  const max = family === 4 ? 32 : 128;
  const lengths = Array.from({ length: max - cidr }, (_, i) => cidr + 1 + i);
  // The natural split (lib/ipam/default-subnet-length.ts): a /48 or /56 into /64s, a /16 into /24s.
  const [length, setLength] = useState(defaultSubnetLength(family, cidr) ?? max);
  const [emptyOnly, setEmptyOnly] = useState(true);
  const [items, setItems] = useState<Offer[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [creating, setCreating] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();

  const load = useCallback(
    (len: number, onlyEmpty: boolean) =>
      startLoading(async () => {
        const result = await planSubnetsAction(networkId, { cidr: len, empty_only: onlyEmpty });
        if (result.ok) {
          setItems(result.data);
          setError(null);
        } else {
          setItems([]);
          setError(result.message);
        }
      }),
    [networkId],
  );

  useEffect(() => {
    if (lengths.length > 0) load(length, emptyOnly);
    // Only on mount; later loads follow the select.
  }, []);

  if (lengths.length === 0) return <p className="text-sm text-slate-500">A /{max} has no subnets.</p>;

  async function create(prefix: string) {
    // Parsed with the shared schema first, like every form: a bad name is said here, without a round trip.
    const input = networkInputSchema.safeParse({ network: prefix, name });
    if (!input.success) {
      toast.error(input.error.issues[0].message);
      return;
    }
    setCreating(prefix);
    const result = await createNetworkAction(input.data);
    setCreating(null);
    if (!result.ok) {
      toast.error(result.fieldErrors?.name?.[0] ?? result.message);
      return;
    }
    toast.success(`Subnet ${result.data.prefix} created`);
    setName("");
    router.refresh();
    load(length, emptyOnly);
  }

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="plan-length" className="block text-sm font-medium text-slate-700">Subnet length</label>
          <select
            id="plan-length"
            value={length}
            onChange={(event) => {
              const len = Number(event.target.value);
              setLength(len);
              load(len, emptyOnly);
            }}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500"
          >
            {lengths.map((l) => (
              <option key={l} value={l}>/{l}</option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-700">
          <input
            type="checkbox"
            checked={emptyOnly}
            onChange={(event) => {
              setEmptyOnly(event.target.checked);
              load(length, event.target.checked);
            }}
            className="h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-2 focus:ring-indigo-500"
          />
          Empty only
        </label>
        {canWrite && (
          <div className="min-w-40 flex-1">
            <label htmlFor="plan-name" className="block text-sm font-medium text-slate-700">Name for the new subnet</label>
            <input
              id="plan-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="optional"
              className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500"
            />
          </div>
        )}
      </div>
      <div aria-live="polite" aria-busy={loading || undefined} className={loading ? "opacity-60" : ""}>
        {error && <p className="text-sm text-red-600">{error}</p>}
        {items && items.length === 0 && !error && (
          <p className="text-sm text-slate-500" data-testid="no-free-subnets">
            {emptyOnly ? `No empty /${length} can be created in this network.` : `No /${length} can be created in this network.`}
          </p>
        )}
        {items && items.length > 0 && (
          <>
            <p className="mb-1.5 text-xs text-slate-500">
              {items.length === 64 ? "First 64" : items.length} {emptyOnly ? "empty" : "creatable"} /{length} subnet{items.length === 1 ? "" : "s"}
            </p>
            <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200" data-testid="free-subnets">
              {items.map(({ prefix, hosts }) => (
                <li key={prefix} className="flex items-center justify-between gap-2 px-3 py-1.5" data-prefix={prefix} data-hosts={hosts}>
                  <span className="font-mono text-sm">{prefix}</span>
                  <span className="ml-auto text-xs tabular-nums text-slate-500" data-testid="subnet-hosts">
                    {String(hosts) === "0" ? "empty" : `takes in ${formatCount(hosts)} host${String(hosts) === "1" ? "" : "s"}`}
                  </span>
                  {canWrite && (
                    <Button
                      type="button"
                      variant="secondary"
                      className="px-2.5 py-1 text-xs"
                      pending={creating === prefix}
                      disabled={creating !== null}
                      onClick={() => create(prefix)}
                      aria-label={`Create ${prefix}`}
                    >
                      Create
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
