/** The store-local calendar day (YYYY-MM-DD) of a moment, in the store's time zone. */
export function dayIn(timeZone: string | undefined, at: Date = new Date()): string {
  // en-CA writes days as YYYY-MM-DD
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(at);
}

/** The day `n` days before a YYYY-MM-DD day. */
export function daysBefore(day: string, n: number): string {
  const at = new Date(`${day}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - n);
  return at.toISOString().slice(0, 10);
}

/** A moment as the store's clock shows it: the date and time. */
export function whenIn(iso: string, timeZone: string | undefined): string {
  return new Date(iso).toLocaleString(undefined, {
    timeZone,
    dateStyle: "medium",
    timeStyle: "short",
  });
}

/** A moment's time of day, 24-hour (HH:MM), in the store's time zone; with its day if not today. */
export function clockIn(iso: string, timeZone: string | undefined): string {
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
  if (dayIn(timeZone, at) === dayIn(timeZone)) return time;
  const day = at.toLocaleDateString(undefined, {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
  });
  return `${time} on ${day}`;
}
