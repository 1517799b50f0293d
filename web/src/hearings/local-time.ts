/**
 * An instant on a zone's clock, `YYYY-MM-DD HH:MM`, as the hearing pages write times (the room editor's
 * blocks, on the facility's clock like its open hours).
 */
export function localIn(zone: string, instant: string): string {
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
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** A stretch of time on a zone's clock: `2027-03-15 07:00–12:00`, the end's date only when it differs. */
export function spanIn(zone: string, from: string, to: string): string {
  const start = localIn(zone, from);
  const end = localIn(zone, to);
  return `${start}–${end.slice(0, 10) === start.slice(0, 10) ? end.slice(11) : end}`;
}
