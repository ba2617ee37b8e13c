// Times as a person reads them at a glance.

/** 65 s → "1:05", 3723 s → "1:02:03"; negative (clock skew) counts as 0. */
export function duration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return hh > 0 ? `${hh}:${String(mm).padStart(2, '0')}:${ss}` : `${mm}:${ss}`;
}

let serverOffsetMs = 0;

/**
 * The server's clock minus this browser's, from a snapshot's "at": times in state are counted on
 * the server's clock, so a browser whose clock is off still shows the right durations.
 */
export function followServerClock(serverNow) {
  const t = Date.parse(serverNow ?? '');
  if (!Number.isNaN(t)) serverOffsetMs = t - Date.now();
}

/** Now on the server's clock (for changes an event announces without a time). */
export function serverNow() {
  return new Date(Date.now() + serverOffsetMs);
}

/** Seconds from a Date (or ISO text) to now, on the server's clock. */
export function secondsSince(since, now = Date.now() + serverOffsetMs) {
  if (!since) return 0;
  const t = since instanceof Date ? since.getTime() : Date.parse(since);
  return Number.isNaN(t) ? 0 : (now - t) / 1000;
}

/** "2026-12-02" of a Date in local time (for date inputs). */
export function isoDate(date) {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** A percentage with no decimals, or "–" when there is nothing to divide. */
export function percent(part, whole) {
  return whole > 0 ? `${Math.round((100 * part) / whole)}%` : '–';
}

/** ECCP's "2026-12-02 01:02:03" and the snapshot's ISO times as Dates; null when absent or unreadable. */
export function serverTime(value) {
  if (!value) return null;
  const t = Date.parse(String(value).replace(' ', 'T'));
  return Number.isNaN(t) ? null : new Date(t);
}
