// `ehrbs ical`: a doctor's schedule as an RFC 5545 iCalendar file, the same
// export as the Schedule screen's (no patient names unless the clinic turns
// that on in its settings).
import { writeFileSync } from 'node:fs';
import { AppError } from '../../../../shared/errors';
import { DateRangeRequest } from '../../../../shared/api/scheduling';
import { CalendarDate } from '../../../../shared/domain/primitives';
import { servicesFor } from '../../services/services';
import { optionalString, requireString } from '../args';
import { authenticate } from '../authenticate';
import { EXIT, type Command } from '../command';
import { checkNewFile } from '../../files/output-file';
import { openStore, requireClinic, requireCurrentSchema, withStore } from '../store-access';

const date = (values: Record<string, string | boolean | undefined>, name: string): string => {
  const v = requireString('ical', values, name);
  if (!CalendarDate.safeParse(v).success)
    throw new AppError('VALIDATION_FAILED', `--${name} must be a date like 2026-12-01.`);
  return v;
};

export const icalCommand: Command = {
  name: 'ical',
  summary: "write a doctor's schedule as an iCalendar (.ics) file",
  usage: `usage: ehrbs ical --data DIR --user EMAIL --doctor EMAIL --from DATE --to DATE [--out FILE]

Writes the doctor's appointments between the two dates (inclusive, in the
clinic's time zone; at most 62 days) as RFC 5545 iCalendar. Patient names are
left out unless the clinic has turned them on. The export is audited.

  --data DIR       the store's data directory
  --user EMAIL     the acting staff member (front desk, doctor or admin)
  --doctor EMAIL   the doctor's login email
  --from DATE      first day, YYYY-MM-DD
  --to DATE        last day, YYYY-MM-DD
  --out FILE       where to write (refused if FILE exists); default: stdout

Environment: EHRBS_PASSPHRASE, EHRBS_PASSWORD.`,
  options: {
    data: { type: 'string' },
    user: { type: 'string' },
    doctor: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    out: { type: 'string' },
  },
  async run(values, io) {
    const range = { fromDate: date(values, 'from'), toDate: date(values, 'to') };
    if (!DateRangeRequest.safeParse(range).success)
      throw new AppError(
        'VALIDATION_FAILED',
        '--to must not be before --from, and the range may span at most 62 days.',
      );
    const doctorEmail = requireString('ical', values, 'doctor').toLowerCase();
    const outArg = optionalString(values, 'out');
    const out = outArg === undefined ? null : checkNewFile(outArg);
    const store = await openStore(requireString('ical', values, 'data'), { migrate: false });
    return withStore(store, async () => {
      requireCurrentSchema(store);
      const services = servicesFor(store);
      const tenantId = requireClinic(store);
      const { session, recordLogin } = await authenticate(
        store,
        services,
        tenantId,
        requireString('ical', values, 'user'),
        {
          capability: 'appointments.read',
          refusal: 'Your role does not allow reading the schedule.',
        },
      );
      const user = services.repos.users.list(tenantId, {
        where: 'email = ?',
        params: [doctorEmail],
        limit: 1,
      })[0];
      const doctor =
        user &&
        services.repos.doctors.list(tenantId, {
          where: 'userId = ?',
          params: [user.id],
          limit: 1,
        })[0];
      if (!doctor) throw new AppError('NOT_FOUND', `No doctor logs in as ${doctorEmail}.`);
      recordLogin();
      const { content } = services.schedule.icalExport(session, { doctorId: doctor.id, ...range });
      if (out === null) io.out(content);
      else writeFileSync(out, content, { flag: 'wx', mode: 0o600 });
      return EXIT.ok;
    });
  },
};
