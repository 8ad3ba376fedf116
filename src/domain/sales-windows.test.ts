import { describe, expect, it } from "vitest";
import { lastSalesWindow, nextSalesWindow } from "./sales-windows.ts";

/** "2026-03-29 12:00" in the zone, for reading windows back in the store's own time */
const local = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat("sv-SE", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);

/** every window a scheduler ticking every 5 minutes for a week would see, in order */
function weekOfWindows(times: string[], timeZone: string, start: Date): Date[] {
  const seen: Date[] = [];
  for (let t = start.getTime(); t < start.getTime() + 7 * 86_400_000; t += 5 * 60_000) {
    const window = lastSalesWindow(times, timeZone, new Date(t));
    if (window && window >= start && !seen.some((w) => w.getTime() === window.getTime()))
      seen.push(window);
  }
  return seen;
}

describe("sales batch windows (T1)", () => {
  it.each([
    // spring forward: 2026-03-29 02:00 -> 03:00
    ["Europe/Copenhagen", "2026-03-26T00:00:00Z", "2026-03-29"],
    // fall back: 2026-11-01 02:00 -> 01:00
    ["America/New_York", "2026-10-29T06:00:00Z", "2026-11-01"],
  ])(
    "T1: a week of batches in %s across its daylight-saving change runs at 12:00 and 23:00 local, twice a day, never twice or skipped",
    (timeZone, start, changeDay) => {
      const windows = weekOfWindows(["12:00", "23:00"], timeZone, new Date(start));
      expect(windows).toHaveLength(14);
      expect(windows.map((w) => local(w, timeZone).slice(11))).toEqual(
        Array.from({ length: 7 }, () => ["12:00", "23:00"]).flat(),
      );
      const days = windows.map((w) => local(w, timeZone).slice(0, 10));
      expect(days.filter((d) => d === changeDay)).toHaveLength(2);
    },
  );

  it("T1: a window in the hour a change skips runs once, just after it; one in the hour it repeats runs once", () => {
    const spring = weekOfWindows(["02:30"], "Europe/Copenhagen", new Date("2026-03-27T00:00:00Z"));
    expect(spring.map((w) => local(w, "Europe/Copenhagen"))).toEqual([
      "2026-03-27 02:30",
      "2026-03-28 02:30",
      "2026-03-29 03:00",
      "2026-03-30 02:30",
      "2026-03-31 02:30",
      "2026-04-01 02:30",
      "2026-04-02 02:30",
    ]);
    const fall = weekOfWindows(["01:30"], "America/New_York", new Date("2026-10-30T00:00:00Z"));
    expect(fall.filter((w) => local(w, "America/New_York").startsWith("2026-11-01"))).toHaveLength(
      1,
    );
  });

  it("T1: the next window is the earliest of the day's times still to come, in the store's zone", () => {
    const now = new Date("2026-12-01T10:00:00Z"); // 11:00 in Copenhagen
    expect(
      local(nextSalesWindow(["23:00", "12:00"], "Europe/Copenhagen", now), "Europe/Copenhagen"),
    ).toBe("2026-12-01 12:00");
    expect(local(nextSalesWindow(["09:00"], "Europe/Copenhagen", now), "Europe/Copenhagen")).toBe(
      "2026-12-02 09:00",
    );
  });
});
