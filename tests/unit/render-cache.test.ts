import { describe, expect, it } from "vitest";
import { RenderCache } from "@/lib/render-cache";

describe("the render cache", () => {
  it("renders a key once, then answers from memory", () => {
    const cache = new RenderCache(10);
    let renders = 0;
    const render = () => `<p>page ${++renders}</p>`;
    expect(cache.get("a", render)).toBe("<p>page 1</p>");
    expect(cache.get("a", render)).toBe("<p>page 1</p>");
    expect(cache.get("b", render)).toBe("<p>page 2</p>");
    expect([cache.hits, cache.misses, renders]).toEqual([1, 2, 2]);
  });

  it("keeps at most its size, dropping the entry used longest ago", () => {
    const cache = new RenderCache(2);
    cache.get("a", () => "A");
    cache.get("b", () => "B");
    cache.get("a", () => "not again");
    cache.get("c", () => "C");
    expect(cache.size).toBe(2);
    // "b" was the least recently used, so it is rendered again; "a" is still there.
    expect(cache.get("a", () => "A2")).toBe("A");
    expect(cache.get("b", () => "B2")).toBe("B2");
  });

  it("waits for a slow render only on a miss, and shares the entries and counts with the plain lookup", async () => {
    const cache = new RenderCache(10);
    let renders = 0;
    const render = async () => `<p>slow ${++renders}</p>`;
    expect(await cache.getAsync("a", render)).toBe("<p>slow 1</p>");
    expect(await cache.getAsync("a", render)).toBe("<p>slow 1</p>");
    expect(cache.get("a", () => "not again")).toBe("<p>slow 1</p>");
    expect([cache.hits, cache.misses, renders, cache.size]).toEqual([2, 1, 1, 1]);
  });
});
