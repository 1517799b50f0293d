// Dates relative to today: the server runs on the wall clock, so the people and flights the flows create
// are dated from now.

/** The calendar date `days` from today (UTC), `YYYY-MM-DD`. */
export function dayFromToday(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The wall-clock time in an IANA zone, `minutes` from now, as a datetime-local input takes it. */
export function wallClock(zone, minutes = 0) {
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
      .formatToParts(new Date(Date.now() + minutes * 60_000))
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
