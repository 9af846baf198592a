// HTTP calls the API benchmark repeats.

/** A keep-alive socket the server closed while we were seeding is not an API error: retry once. */
export async function fetchRetry(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

export interface Allocation { status: number; address?: string }

/** POST /ip/networks/{id}/allocate (one address); the body read so the connection is free again. */
export async function allocate(url: string, token: string, networkId: number): Promise<Allocation> {
  const res = await fetch(`${url}/api/v1/ip/networks/${networkId}/allocate`, {
    method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: "{}",
  });
  const body = (await res.json().catch(() => ({}))) as { ip_address?: string };
  return { status: res.status, address: body.ip_address };
}

/**
 * The time of `read(i)` (its body read) right after an allocation in network
 * `writeTo` committed, `times` times: what a read costs once a write has
 * made the server's caches stale.
 */
export async function timedAfterWrites(url: string, token: string, writeTo: number, read: (i: number) => Promise<Response>, times = 5): Promise<number[]> {
  const took: number[] = [];
  for (let i = 0; i < times; i++) {
    const write = await allocate(url, token, writeTo);
    if (write.status !== 201) throw new Error(`allocate: HTTP ${write.status}`);
    const t0 = performance.now();
    await (await read(i)).arrayBuffer();
    took.push(performance.now() - t0);
  }
  return took;
}
