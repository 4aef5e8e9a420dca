// Choices for the first-run form, from the runtime's own Intl data so the
// lists match what the core's TimeZone schema accepts.
import type { Option } from '../components/SelectField';

export const defaultTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function timeZoneOptions(): Option[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const current = defaultTimeZone();
  // Some runtimes report a zone (e.g. "UTC") that is not in their own list.
  const all = zones.includes(current) ? zones : [current, ...zones];
  return all.map((z) => ({ value: z, label: z.replaceAll('_', ' ') }));
}

export function currencyOptions(): Option[] {
  const names = new Intl.DisplayNames(undefined, { type: 'currency' });
  return Intl.supportedValuesOf('currency').map((code) => ({
    value: code,
    label: `${code} — ${names.of(code) ?? code}`,
  }));
}
