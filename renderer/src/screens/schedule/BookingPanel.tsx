// Booking from a free slot: doctor and time come prefilled from the slot, the
// duration from the doctor's slot length; pick or quick-create the patient and
// Book. A clash is refused by the core (SLOT_TAKEN) with its message, and the
// panel then offers to overbook with a reason.
import { useState } from 'react';
import type { PatientSummary } from '../../../../shared/api/patients';
import { utcToZoned } from '../../../../shared/scheduling';
import { api, ApiError, errorMessage } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSchedule } from '../../stores/schedule-store';
import { OverbookPrompt } from './OverbookPrompt';
import { PatientPicker } from './PatientPicker';
import { QuickCreatePatient } from './QuickCreatePatient';
import { SidePanel } from './SidePanel';
import { WhenFields, type When } from './WhenFields';
import { isoOf } from './time';

interface Props {
  doctorId: string;
  start: number;
  timeZone: string;
}

export function BookingPanel({ doctorId, start, timeZone }: Props) {
  const doctors = useSchedule((s) => s.doctors) ?? [];
  const applyChange = useSchedule((s) => s.applyChange);
  const openPanel = useSchedule((s) => s.openPanel);
  const slotMinutes = doctors.find((d) => d.id === doctorId)?.availability.slotMinutes ?? 15;
  const [when, setWhen] = useState<When>({
    doctorId,
    ...utcToZoned(start, timeZone),
    duration: String(slotMinutes),
  });
  const [patient, setPatient] = useState<PatientSummary | null>(null);
  const [creating, setCreating] = useState(false);
  const [notes, setNotes] = useState('');
  const [failure, setFailure] = useState<{ message: string; slotTaken: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  const book = async (overbookReason: string | null) => {
    if (!patient) {
      setFailure({ message: 'Choose a patient first.', slotTaken: false });
      return;
    }
    setBusy(true);
    try {
      const booked = await api('appointments.book', {
        doctorId: when.doctorId,
        patientId: patient.id,
        scheduledAt: isoOf(when.date, when.time, timeZone),
        durationMinutes: Number(when.duration),
        notes,
        overbookReason,
      });
      applyChange(booked);
      openPanel({ kind: 'details', id: booked.id });
    } catch (e) {
      setFailure({
        message: errorMessage(e),
        slotTaken: e instanceof ApiError && e.code === 'SLOT_TAKEN',
      });
      setBusy(false);
    }
  };

  return (
    <SidePanel title="Book an appointment">
      <WhenFields value={when} onChange={setWhen} doctors={doctors} />
      {creating ? (
        <QuickCreatePatient
          onCreated={(p) => {
            setPatient(p);
            setCreating(false);
          }}
        />
      ) : (
        <>
          <PatientPicker selected={patient} onSelect={setPatient} />
          <button type="button" className="button button--quiet" onClick={() => setCreating(true)}>
            New patient…
          </button>
        </>
      )}
      <div className="field">
        <label htmlFor="booking-notes">Notes</label>
        <textarea
          id="booking-notes"
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </div>
      <ErrorAlert message={failure?.message ?? null} />
      <div className="button-row">
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => void book(null)}
        >
          Book
        </button>
        {failure?.slotTaken && <OverbookPrompt busy={busy} onConfirm={(r) => void book(r)} />}
      </div>
    </SidePanel>
  );
}
