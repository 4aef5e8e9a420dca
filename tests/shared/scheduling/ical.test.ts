import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  doctorScheduleToICalendar,
  foldLine,
  type DoctorScheduleInput,
  type ICalAppointment,
} from '../../../shared/scheduling';
import { NY, appt, utc } from './fixtures';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';
const D = '00000000-0000-4000-8000-00000000000d';

const appointments: ICalAppointment[] = [
  appt({ id: B, patientId: 'p-b', at: '2026-03-03T15:00:00.000Z', minutes: 30 }),
  appt({ id: A, patientId: 'p-a', at: '2026-03-03T14:00:00.000Z', minutes: 20 }),
  appt({ id: C, patientId: 'p-c', at: '2026-03-04T14:00:00.000Z', status: 'cancelled' }),
  appt({ id: D, patientId: 'p-d', at: '2026-03-05T14:00:00.000Z', deleted: true }),
];

const patientNames = new Map([
  ['p-a', 'Zoë Ångström-Łukasiewicz, née Ødegård; "Zo" \\ of Ünterstraße'],
  ['p-b', 'Ravi Patel'],
  ['p-c', 'Mei Chen'],
]);

const base: DoctorScheduleInput = {
  clinicName: 'Riverside Family Clinic',
  doctorName: 'Dr. Amara Okafor',
  timeZone: NY,
  appointments,
  patientNames,
  includePatientNames: true,
  now: utc('2026-03-01T12:00:00Z'),
};

const events = (text: string): ICAL.Component[] =>
  new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent');

describe('doctor schedule as iCalendar', () => {
  it('parses as a published Gregorian calendar with one event per live appointment', () => {
    const text = doctorScheduleToICalendar(base);
    const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
    expect(cal.getFirstPropertyValue('version')).toBe('2.0');
    expect(cal.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(cal.getFirstPropertyValue('prodid')).toBe('-//EHRBS//Doctor Schedule//EN');
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(
      'Riverside Family Clinic - Dr. Amara Okafor',
    );
    const evs = events(text);
    expect(evs.map((e) => e.getFirstPropertyValue('uid'))).toEqual([
      `${A}@ehrbs`,
      `${B}@ehrbs`,
      `${C}@ehrbs`,
    ]);
  });

  it('puts each appointment at its exact UTC start and end', () => {
    const [first, second] = events(doctorScheduleToICalendar(base)).map((c) => new ICAL.Event(c));
    expect(first?.startDate.toJSDate().getTime()).toBe(utc('2026-03-03T14:00:00Z'));
    expect(first?.endDate.toJSDate().getTime()).toBe(utc('2026-03-03T14:20:00Z'));
    expect(second?.startDate.toJSDate().getTime()).toBe(utc('2026-03-03T15:00:00Z'));
    expect(first?.startDate.zone.tzid).toBe('UTC');
    const text = doctorScheduleToICalendar(base);
    expect(text).toContain('\r\nDTSTART:20260303T140000Z\r\n');
    expect(text).toContain('\r\nDTSTAMP:20260301T120000Z\r\n');
  });

  it('marks cancelled appointments CANCELLED and booked ones CONFIRMED', () => {
    const statuses = events(doctorScheduleToICalendar(base)).map((e) =>
      e.getFirstPropertyValue('status'),
    );
    expect(statuses).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
  });

  it('escapes and folds a long name with accents, and a parser reads it back intact', () => {
    const text = doctorScheduleToICalendar(base);
    const summary = events(text)[0]?.getFirstPropertyValue('summary');
    expect(summary).toBe(`Appointment: ${patientNames.get('p-a') ?? ''}`);
    // Folding may fall inside an escape; readers unfold before unescaping.
    const unfolded = text.replace(/\r\n /g, '');
    expect(unfolded).toContain('Zoë Ångström-Łukasiewicz\\, née Ødegård\\; "Zo" \\\\ of');
    expect(text).toMatch(/\r\n [^\r\n]/); // at least one folded line
    const encoder = new TextEncoder();
    for (const line of text.split('\r\n'))
      expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    // Folding never cuts a character in two: every line is valid UTF-8 on its own.
    const decoder = new TextDecoder('utf-8', { fatal: true });
    for (const line of text.split('\r\n')) {
      expect(() => decoder.decode(encoder.encode(line))).not.toThrow();
      expect(line).not.toMatch(/[\uD800-\uDFFF]/u);
    }
  });

  it('never splits a 4-byte character, whatever the line length', () => {
    for (let pad = 0; pad < 8; pad++) {
      const name = `${'x'.repeat(pad)}${'😀'.repeat(40)}`;
      const text = doctorScheduleToICalendar({ ...base, doctorName: name, appointments: [] });
      const cal = new ICAL.Component(ICAL.parse(text) as unknown[]);
      expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(`Riverside Family Clinic - ${name}`);
    }
  });

  it('turns newlines in text into \\n', () => {
    const names = new Map([['p-a', 'Ana\r\nSilva']]);
    const text = doctorScheduleToICalendar({ ...base, patientNames: names });
    expect(text).toContain('SUMMARY:Appointment: Ana\\nSilva\r\n');
    expect(events(text)[0]?.getFirstPropertyValue('summary')).toBe('Appointment: Ana\nSilva');
  });

  it('uses CRLF line endings throughout', () => {
    const text = doctorScheduleToICalendar(base);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('carries no patient data when names are turned off', () => {
    const text = doctorScheduleToICalendar({ ...base, includePatientNames: false });
    for (const name of ['Zo', 'Ravi', 'Patel', 'Mei', 'Chen', 'p-a', 'p-b', 'p-c']) {
      expect(text).not.toContain(name);
    }
    expect(events(text).map((e) => e.getFirstPropertyValue('summary'))).toEqual([
      'Appointment',
      'Appointment',
      'Appointment',
    ]);
  });

  it('exports the same text whatever order the appointments arrive in', () => {
    const reversed = { ...base, appointments: [...appointments].reverse() };
    expect(doctorScheduleToICalendar(reversed)).toBe(doctorScheduleToICalendar(base));
  });
});

describe('line folding', () => {
  it('fills each line to exactly 75 octets, continuation lines starting with a space', () => {
    const folded = foldLine(`SUMMARY:${'a'.repeat(200)}`);
    const lines = folded.split('\r\n');
    expect(lines.map((l) => l.length)).toEqual([75, 75, 60]);
    expect(lines.slice(1).every((l) => l.startsWith(' '))).toBe(true);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'a'.repeat(200)}`);
  });

  it('moves a multi-byte character whole to the next line rather than split it', () => {
    // 74 ASCII octets, then a 2-octet "é": it would straddle octet 75.
    const lines = foldLine(`${'a'.repeat(74)}é`).split('\r\n');
    expect(lines).toEqual(['a'.repeat(74), ' é']);
  });
});
