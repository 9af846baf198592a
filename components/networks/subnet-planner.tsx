"use client";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { createNetworkAction, planSubnetsAction } from "@/app/(app)/networks/actions";

function defaultLength(family: 4 | 6, cidr: number): number {
  if (family === 4) return Math.min(cidr + 2, 32);
  return cidr < 64 ? 64 : Math.min(cidr + 4, 128);
}

/**
 * Choose a length, see the free child prefixes of that length (the service's
 * available-subnets, which skips existing children and used addresses), and
 * create one with one click.
 */
export function SubnetPlanner({ networkId, family, cidr, canWrite }: { networkId: number; family: 4 | 6; cidr: number; canWrite: boolean }) {
  const router = useRouter();
  const max = family === 4 ? 32 : 128;
  const lengths = Array.from({ length: max - cidr }, (_, i) => cidr + 1 + i);
  const [length, setLength] = useState(defaultLength(family, cidr));
  const [items, setItems] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");
  const [creating, setCreating] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();

  const load = useCallback(
    (len: number) =>
      startLoading(async () => {
        const result = await planSubnetsAction(networkId, len);
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
    if (lengths.length > 0) load(length);
    // Only on mount; later loads follow the select.
  }, []);

  if (lengths.length === 0) return <p className="text-sm text-slate-500">A /{max} has no subnets.</p>;

  async function create(prefix: string) {
    setCreating(prefix);
    const result = await createNetworkAction({ network: prefix, name: name.trim() });
    setCreating(null);
    if (!result.ok) {
      toast.error(result.fieldErrors?.name?.[0] ?? result.message);
      return;
    }
    toast.success(`Subnet ${result.data.prefix} created`);
    setName("");
    router.refresh();
    load(length);
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
              load(len);
            }}
            className="mt-1 block rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-500"
          >
            {lengths.map((l) => (
              <option key={l} value={l}>/{l}</option>
            ))}
          </select>
        </div>
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
        {items && items.length === 0 && !error && <p className="text-sm text-slate-500">No free /{length} left in this network.</p>}
        {items && items.length > 0 && (
          <>
            <p className="mb-1.5 text-xs text-slate-500">
              {items.length === 64 ? "First 64 free" : `${items.length} free`} /{length} subnet{items.length === 1 ? "" : "s"}
            </p>
            <ul className="max-h-72 divide-y divide-slate-100 overflow-y-auto rounded-md border border-slate-200" data-testid="free-subnets">
              {items.map((prefix) => (
                <li key={prefix} className="flex items-center justify-between gap-2 px-3 py-1.5">
                  <span className="font-mono text-sm">{prefix}</span>
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
