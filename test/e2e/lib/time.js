// Dates relative to today: the server runs on the wall clock, so the people and flights the flows create
// are dated from now.

/** The calendar date `days` from today (UTC), `YYYY-MM-DD`. */
export function dayFromToday(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The wall-clock time in an IANA zone, `minutes` from now, as a datetime-local input takes it. */
export function wallClock(zone, minutes = 0) {
  return localIn(zone, Date.now() + minutes * 60_000);
}

/** An instant's wall-clock time in an IANA zone, `YYYY-MM-DDTHH:MM` (as the API's zoned times give it). */
export function localIn(zone, instant) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/**
 * The Monday after the next change of US clocks (the second Sunday of March, the first Sunday of
 * November) that is at least a day away: a weekday whose New York offset differs from the week before.
 * Answers the date and New York's offset from UTC that day, in hours (−4 after March, −5 after November).
 */
export function mondayAfterUsClockChange(now = new Date()) {
  const sunday = (year, month, nth) => {
    const first = new Date(Date.UTC(year, month, 1));
    return new Date(Date.UTC(year, month, 1 + ((7 - first.getUTCDay()) % 7) + (nth - 1) * 7));
  };
  const tomorrow = new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
  const year = now.getUTCFullYear();
  const changes = [year, year + 1].flatMap((y) => [
    { day: sunday(y, 2, 2), offset: -4 },
    { day: sunday(y, 10, 1), offset: -5 },
  ]);
  const next = changes
    .map((c) => ({ monday: new Date(c.day.getTime() + 86_400_000), offset: c.offset }))
    .find((c) => c.monday.toISOString().slice(0, 10) >= tomorrow);
  return { date: next.monday.toISOString().slice(0, 10), courtOffset: next.offset };
}
