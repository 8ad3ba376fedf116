import { afterEach, describe, expect, it, vi } from "vitest";
import { startMemoryGuard } from "./memory-guard.ts";

describe("the embedded store's memory guard", () => {
  afterEach(() => vi.useRealTimers());

  it("R8.6: a full collection is asked for when the resident memory passes the threshold, at most once per gap, and never below it", () => {
    vi.useFakeTimers();
    let rssMb = 300;
    const collected: number[] = [];
    const stop = startMemoryGuard({
      thresholdMb: 448,
      checkMs: 500,
      minGapMs: 2000,
      rss: () => rssMb * 1024 * 1024,
      collect: () => collected.push(Date.now()),
      now: () => Date.now(),
    });
    vi.advanceTimersByTime(5000);
    expect(collected).toHaveLength(0);
    rssMb = 470;
    vi.advanceTimersByTime(500);
    expect(collected).toHaveLength(1);
    // still high: not again before the gap
    vi.advanceTimersByTime(1500);
    expect(collected).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(collected).toHaveLength(2);
    rssMb = 400;
    vi.advanceTimersByTime(10_000);
    expect(collected).toHaveLength(2);
    stop();
    rssMb = 600;
    vi.advanceTimersByTime(10_000);
    expect(collected).toHaveLength(2);
  });

  it("R8.6: the real collection is reachable at run time (no --expose-gc at start)", () => {
    vi.useFakeTimers();
    const stop = startMemoryGuard({ thresholdMb: 0, checkMs: 10, minGapMs: 0 });
    expect(() => vi.advanceTimersByTime(10)).not.toThrow();
    stop();
  });
});
