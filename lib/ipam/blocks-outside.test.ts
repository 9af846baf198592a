import { describe, expect, it } from "vitest";
import { blocksOutside } from "./blocks-outside";
import { formatPrefix } from "./format";
import { parsePrefix } from "./parse";
import { lastAddress } from "./prefix";

const p = (text: string) => parsePrefix(text);
const range = (text: string) => ({ first: p(text).network, last: lastAddress(p(text)) });
const take = (gen: Generator<ReturnType<typeof p>>, n: number) => {
  const out: string[] = [];
  for (const block of gen) {
    out.push(formatPrefix(block));
    if (out.length === n) break;
  }
  return out;
};

describe("blocksOutside", () => {
  it("yields the aligned blocks that overlap nothing taken, in order", () => {
    const taken = [range("10.0.0.64/27"), { first: p("10.0.0.200/32").network, last: p("10.0.0.250/32").network }];
    expect(take(blocksOutside(p("10.0.0.0/24"), taken, 26), 10)).toEqual(["10.0.0.0/26", "10.0.0.128/26"]);
    expect(take(blocksOutside(p("10.0.0.0/24"), taken, 27), 10)).toEqual(["10.0.0.0/27", "10.0.0.32/27", "10.0.0.96/27", "10.0.0.128/27", "10.0.0.160/27"]);
  });

  it("is lazy: the first blocks of a /0 come at once", () => {
    expect(take(blocksOutside(p("::/0"), [range("::/1")], 128), 2)).toEqual(["8000::/128", "8000::1/128"]);
  });

  it("ignores taken ranges outside the prefix and yields nothing for a length out of range", () => {
    expect(take(blocksOutside(p("10.0.0.0/30"), [range("10.0.1.0/24")], 31), 5)).toEqual(["10.0.0.0/31", "10.0.0.2/31"]);
    expect(take(blocksOutside(p("10.0.0.0/30"), [], 33), 5)).toEqual([]);
    expect(take(blocksOutside(p("10.0.0.0/30"), [range("10.0.0.0/30")], 32), 5)).toEqual([]);
  });
});
