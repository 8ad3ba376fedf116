import { Cron } from "croner";

/**
 * T1: the batch windows of an integration, as instants. `times` are local times of the store's
 * time zone ("12:00", "23:00"); a time that a daylight-saving change skips runs once, at the
 * first moment after the gap (croner's rule), and one that the change repeats runs once.
 */
function schedules(times: readonly string[], timeZone: string): Cron[] {
  return times.map((time) => {
    const [hour, minute] = time.split(":").map(Number);
    return new Cron(`${minute} ${hour} * * *`, { timezone: timeZone, paused: true });
  });
}

/** The latest window at or before `now`, if any in the last two days. */
export function lastSalesWindow(
  times: readonly string[],
  timeZone: string,
  now: Date,
): Date | undefined {
  let last: Date | undefined;
  for (const cron of schedules(times, timeZone)) {
    const [previous] = cron.previousRuns(1, new Date(now.getTime() + 1));
    if (previous && (!last || previous > last)) last = previous;
  }
  return last;
}

/** The next window after `now`. */
export function nextSalesWindow(times: readonly string[], timeZone: string, now: Date): Date {
  let next: Date | undefined;
  for (const cron of schedules(times, timeZone)) {
    const run = cron.nextRun(now);
    if (run && (!next || run < next)) next = run;
  }
  return next!;
}
