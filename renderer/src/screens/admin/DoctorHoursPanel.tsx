// Admin → Staff → Edit hours: the hours editor under Admin's heading. The
// doctor list is loaded first when the address was opened directly (a reload),
// so the editor starts from the doctor's saved hours.
import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../../shared/api/session';
import { localDateOf } from '../../../../shared/scheduling';
import { useNav } from '../../stores/nav-store';
import { useSchedule } from '../../stores/schedule-store';
import { AvailabilityEditor } from '../schedule/AvailabilityEditor';
import '../../styles/schedule.css';
import { adminRoute } from './route';

interface Props {
  session: SessionInfo;
  doctorId: string;
}

export function DoctorHoursPanel({ session, doctorId }: Props) {
  const go = useNav((s) => s.go);
  const loaded = useSchedule((s) => s.doctors !== null);
  const reloadDoctors = useSchedule((s) => s.reloadDoctors);
  const [today] = useState(() => localDateOf(Date.now(), session.tenant.timeZone));
  useEffect(() => {
    if (!loaded) void reloadDoctors();
  }, [loaded, reloadDoctors]);
  if (!loaded) return <p role="status">Loading…</p>;
  return (
    <AvailabilityEditor
      key={doctorId}
      doctorId={doctorId}
      today={today}
      back={{
        label: 'Back to staff',
        onBack: () => go(adminRoute.href({ section: 'staff', patientId: null })),
      }}
    />
  );
}
