// "2 minutes ago": how long since an instant, in the largest unit that fits (English, as the rest of the app).
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function relativeTime(iso: string, now: number = Date.now()): string {
  const ago = Math.max(0, now - Date.parse(iso));
  if (ago < 45_000) return 'just now';
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, ms] of units) {
    if (ago >= ms) return format.format(-Math.round(ago / ms), unit);
  }
  return format.format(-1, 'minute');
}
