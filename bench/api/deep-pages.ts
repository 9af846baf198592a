import type { Dataset } from "./dataset";
import type { Figure } from "./figure";
import { fetchRetry, timedAfterWrites } from "./http";
import { median, ms, p50 } from "./measure";

// Issue 15.5, deep pages at constant cost, on the 1,001,000-host dataset:
// GET /hosts?per_page=50 at page 1, at page 10,000 (address order: a seek
// after the key that ends page 9,999, found by an index walk kept until the
// next commit), at neighbouring deep pages (each a different page: a short
// walk from a kept key), by cursor at that depth, and the first deep page
// after a write (the uncached walk). Goal: p50 < 10 ms sequentially.

const GOAL = 10;

export async function measureDeepPages(url: string, data: Dataset): Promise<Figure[]> {
  const headers = { authorization: `Bearer ${data.token}` };
  const get = (p: string) => fetchRetry(`${url}/api/v1${p}`, { headers });
  const json = async (p: string) => {
    const res = await get(p);
    if (!res.ok) throw new Error(`HTTP ${res.status} from ${p}`);
    return res.json() as Promise<{ page: number; items: { ip_address: string }[]; next_cursor: string | null }>;
  };
  const figure = (name: string, value: number, extra = ""): Figure => ({
    case: `GET /hosts?per_page=50, ${name}`, goal: `p50 < ${GOAL} ms`, value, display: `${ms(value)}${extra}`, ok: value < GOAL,
  });
  const figures: Figure[] = [];

  figures.push(figure("page 1", await p50(() => get("/hosts?per_page=50"), 30)));

  // Seek and OFFSET must agree: page 10,000 starts at the 499,951st host in address order.
  const deep = await json("/hosts?per_page=50&page=10000");
  const offset = await json("/hosts?per_page=1&page=499951");
  if (deep.page !== 10_000 || deep.items[0]?.ip_address !== offset.items[0]?.ip_address) {
    throw new Error(`page 10,000 starts at ${deep.items[0]?.ip_address}, OFFSET says ${offset.items[0]?.ip_address}`);
  }
  figures.push(figure("page 10,000 (same page again)", await p50(() => get("/hosts?per_page=50&page=10000"), 30)));
  let n = 10_000;
  figures.push(figure("pages 10,001, 10,002, … (a new page each call)", await p50(() => get(`/hosts?per_page=50&page=${++n}`), 30)));
  let far = 15_000;
  figures.push(figure("pages 15,500, 16,000, … (500 pages apart)", await p50(() => get(`/hosts?per_page=50&page=${(far += 500)}`), 9, 1),
    " (each walks the index from the nearest kept key)"));
  const cursor = encodeURIComponent(deep.next_cursor ?? "");
  figures.push(figure("by cursor after page 10,000", await p50(() => get(`/hosts?per_page=50&cursor=${cursor}`), 30)));
  figures.push(figure("last page", await p50(() => get("/hosts?per_page=50&page=20020"), 30)));
  figures.push(figure("network hosts of the /8, page 10,000", await p50(() => get(`/networks/${data.slash8}/hosts?per_page=50&page=10000`), 30)));

  // After a write the kept keys are gone: the first deep page walks the index from the start (or the end).
  const cold = await timedAfterWrites(url, data.token, data.early, (i) => get(`/hosts?per_page=50&page=${10_000 + i * 7}`));
  const coldP50 = median(cold);
  figures.push({ case: "GET /hosts?per_page=50&page=10,000, first after a write", goal: "–", value: coldP50, display: ms(coldP50), ok: true, info: true });
  return figures;
}
