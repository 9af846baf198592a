import type { ApplyResult, ChangeRow, ChangeSet, DiscoveryUploadSource } from "@/lib/schemas/discovery";

// The browser side of /api/v1/discovery: the page calls the same API as
// scripts do (the session cookie authenticates, withApi checks the origin).

export class DiscoveryFailed extends Error {}

async function answer<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new DiscoveryFailed(body?.error?.message ?? `The server answered ${res.status}`);
  return body as T;
}

export async function uploadDiscovery(source: DiscoveryUploadSource, file: File, networkId: number | null): Promise<ChangeSet> {
  const form = new FormData();
  form.set("file", file);
  const query = networkId ? `?network_id=${networkId}` : "";
  return answer(await fetch(`/api/v1/discovery/${source}${query}`, { method: "POST", body: form }));
}

export async function startScan(networkId: number, signal: AbortSignal): Promise<ChangeSet> {
  const res = await fetch("/api/v1/discovery/scan", {
    method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ network_id: networkId }), signal,
  });
  return answer(res);
}

export async function cancelScan(): Promise<void> {
  await answer(await fetch("/api/v1/discovery/scan", { method: "DELETE" }));
}

export async function applyRows(set: ChangeSet, rows: ChangeRow[]): Promise<ApplyResult> {
  const body = {
    source: set.source,
    observed_at: set.observed_at,
    rows: rows.map((r) => ({ kind: r.kind, ip_address: r.ip_address, host_id: r.host_id, mac_address: r.mac_address, hostname: r.hostname })),
  };
  return answer(await fetch("/api/v1/discovery/apply", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}
