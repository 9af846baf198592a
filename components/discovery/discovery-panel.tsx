"use client";
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ChangeSetTable } from "@/components/discovery/change-set-table";
import { applyRows, cancelScan, DiscoveryFailed, startScan, uploadDiscovery } from "@/components/discovery/discovery-client";
import type { ChangeRow, ChangeSet, DiscoveryUploadSource } from "@/lib/schemas/discovery";

// Editors: upload a source or scan a network, review the change set, apply
// the chosen rows. Nothing is written before "Apply".

const sourceLabels: Record<DiscoveryUploadSource, string> = {
  dnsmasq: "dnsmasq lease file (dnsmasq.leases)",
  kea: "Kea lease CSV (kea-leases4.csv)",
  nmap: "nmap XML (nmap -oX)",
};

export interface ScanTarget {
  id: number;
  label: string;
}

const inputClass = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

export function DiscoveryPanel({ networks }: { networks: ScanTarget[] }) {
  const router = useRouter();
  const [set, setSet] = useState<ChangeSet | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"upload" | "scan" | "apply" | null>(null);
  const [source, setSource] = useState<DiscoveryUploadSource>("dnsmasq");
  const [uploadNetwork, setUploadNetwork] = useState("");
  const [scanNetwork, setScanNetwork] = useState(networks[0] ? String(networks[0].id) : "");
  const fileRef = useRef<HTMLInputElement>(null);
  const scanAbort = useRef<AbortController | null>(null);

  async function run(kind: "upload" | "scan", fn: () => Promise<ChangeSet>) {
    setBusy(kind);
    setError(null);
    setSet(null);
    try {
      setSet(await fn());
    } catch (e) {
      if (!(e instanceof DOMException && e.name === "AbortError")) setError(e instanceof DiscoveryFailed ? e.message : "The server could not be reached");
    } finally {
      setBusy(null);
    }
  }

  function preview(e: React.FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!file) return setError("Choose a file first");
    void run("upload", () => uploadDiscovery(source, file, uploadNetwork ? Number(uploadNetwork) : null));
  }

  function scan() {
    scanAbort.current = new AbortController();
    void run("scan", () => startScan(Number(scanNetwork), scanAbort.current!.signal));
  }

  async function cancel() {
    await cancelScan().catch(() => undefined);
    scanAbort.current?.abort();
    toast.message("Scan cancelled");
  }

  async function apply(rows: ChangeRow[]) {
    if (!set) return;
    setBusy("apply");
    try {
      const result = await applyRows(set, rows);
      toast.success(`Applied: ${result.created} created, ${result.updated} updated, ${result.seen} marked seen`);
      setSet(null);
      router.refresh();
    } catch (e) {
      toast.error(`Nothing was applied: ${e instanceof Error ? e.message : "unknown error"}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="space-y-6">
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <Card title="Upload a source">
          <form onSubmit={preview} className="space-y-3">
            <label className="block text-sm text-slate-700">
              Format{" "}
              <select className={inputClass} value={source} onChange={(e) => setSource(e.target.value as DiscoveryUploadSource)} data-testid="discovery-source">
                {Object.entries(sourceLabels).map(([value, label]) => <option key={value} value={value}>{label}</option>)}
              </select>
            </label>
            <label className="block text-sm text-slate-700">
              File <input ref={fileRef} type="file" name="file" className="text-sm" data-testid="discovery-file" />
            </label>
            <label className="block text-sm text-slate-700">
              Limit to network{" "}
              <select className={inputClass} value={uploadNetwork} onChange={(e) => setUploadNetwork(e.target.value)}>
                <option value="">any (no missing hosts listed)</option>
                {networks.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
              </select>
            </label>
            <Button type="submit" pending={busy === "upload"} disabled={busy !== null} data-testid="discovery-preview">Preview changes</Button>
          </form>
        </Card>
        <Card title="Scan a network">
          <p className="mb-3 text-sm text-slate-600">Runs <code className="font-mono">nmap -sn</code> on the server (at most a /16); one scan at a time.</p>
          <div className="flex flex-wrap items-center gap-2">
            <select className={inputClass} value={scanNetwork} onChange={(e) => setScanNetwork(e.target.value)} aria-label="Network to scan" disabled={networks.length === 0}>
              {networks.map((n) => <option key={n.id} value={n.id}>{n.label}</option>)}
            </select>
            <Button type="button" onClick={scan} pending={busy === "scan"} disabled={busy !== null || !scanNetwork}>Scan</Button>
            {busy === "scan" && <Button type="button" variant="danger" onClick={cancel}>Cancel scan</Button>}
          </div>
          {networks.length === 0 && <p className="mt-2 text-xs text-slate-500">No network of at most 65,536 addresses yet.</p>}
        </Card>
      </div>
      {error && <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="discovery-error">{error}</p>}
      {set && (
        <Card title="Change set">
          <ChangeSetTable key={set.observed_at + set.rows.length} set={set} onApply={apply} applying={busy === "apply"} />
        </Card>
      )}
    </div>
  );
}
