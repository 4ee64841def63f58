const OFFSET = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Amsterdam', timeZoneName: 'longOffset' });

/** Minutes Amsterdam is ahead of UTC at `instant` (60 in winter, 120 in summer). */
function amsterdamOffsetMinutes(instant: Date): number {
  const name = OFFSET.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The instant a calendar day (YYYY-MM-DD) begins in Europe/Amsterdam. */
export function amsterdamDayStart(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // the offset at noon of that day, so a DST change in the night does not shift the day
  const offset = amsterdamOffsetMinutes(new Date(utcMidnight.getTime() + 12 * 3600_000));
  return new Date(utcMidnight.getTime() - offset * 60_000);
}

/** The instant the day after `day` begins, i.e. the exclusive end of `day`. */
export function amsterdamDayEnd(day: string): Date {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return amsterdamDayStart(next.toISOString().slice(0, 10));
}

/** "2026-12-02 15:04:05" in Amsterdam time, for CSV and the page. */
export function amsterdamDateTime(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'medium' }).format(instant);
}
