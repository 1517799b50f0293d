/**
 * The locator's `since` (an ISO 8601 instant written with the facility's UTC offset, e.g.
 * `2025-03-14T13:00:00-06:00`) as the time on the facility's clock, in the reader's language:
 * "March 14, 2025 at 13:00 (UTC−06:00)". The wall-clock digits are the string's own: no conversion.
 */
export function facilityTime(since: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(since);
  if (!m) return since;
  const wall = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])));
  const text = new Intl.DateTimeFormat(lang, {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(wall);
  const offset = m[6] === 'Z' ? '' : (m[6] ?? '').replace('-', '\u2212');
  return `${text} (UTC${offset})`;
}
