// Booking from a free slot: doctor and time come prefilled from the slot, the
// duration from the doctor's slot length; pick or quick-create the patient and
// Book. A clash is refused by the core (SLOT_TAKEN) with its message, and the
// panel then offers to overbook with a reason.
import { useState } from 'react';
import type { PatientSummary } from '../../../../shared/api/patients';
import { schedulingChannels } from '../../../../shared/api/scheduling';
import { api } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TextAreaField } from '../../components/TextAreaField';
import { correctFields } from '../../lib/form-rules';
import { useSchemaForm } from '../../lib/useSchemaForm';
import { useClinicFormat } from '../../stores/clinic-format';
import { useSchedule } from '../../stores/schedule-store';
import { OverbookPrompt } from './OverbookPrompt';
import { PatientPicker } from './PatientPicker';
import { QuickCreatePatient } from './QuickCreatePatient';
import { SidePanel } from './SidePanel';
import { whenOf, whenProblems, whenRequest, type When } from './when';
import { WhenFields } from './WhenFields';
import { SubmitButton } from '../../components/SubmitButton';

interface Props {
  doctorId: string;
  start: number;
  timeZone: string;
}

interface Booking extends When {
  patient: PatientSummary | null;
  notes: string;
  /** Set only when the user chose to overbook a clash. */
  overbookReason: string | null;
}

export function BookingPanel({ doctorId, start, timeZone }: Props) {
  const doctors = useSchedule((s) => s.doctors) ?? [];
  const { timeFormat } = useClinicFormat().locale;
  const applyChange = useSchedule((s) => s.applyChange);
  const openPanel = useSchedule((s) => s.openPanel);
  const slotMinutes = doctors.find((d) => d.id === doctorId)?.availability.slotMinutes ?? 15;
  const [creating, setCreating] = useState(false);
  const initial: Booking = {
    ...whenOf(doctorId, start, slotMinutes, timeZone, timeFormat),
    patient: null,
    notes: '',
    overbookReason: null,
  };
  const form = useSchemaForm({
    initial,
    schema: schedulingChannels['appointments.book'].request,
    toInput: (b) => ({
      ...whenRequest(b, timeZone),
      patientId: b.patient?.id,
      notes: b.notes,
      overbookReason: b.overbookReason,
    }),
    check: (values) => whenProblems(values, timeFormat),
    messages: { patientId: 'Choose a patient first.' },
    refusal: (errors) => errors.patientId ?? correctFields(),
    send: (request) => api('appointments.book', request),
    onDone(booked) {
      applyChange(booked);
      openPanel({ kind: 'details', id: booked.id });
    },
  });
  // The prompt stays while its overbook is on its way, then the answer decides.
  const clash =
    form.failure?.code === 'SLOT_TAKEN' || (form.busy && form.values.overbookReason !== null);

  return (
    <SidePanel title="Book an appointment">
      <div id={form.id}>
        <WhenFields field={form.field} errors={form.errors} doctors={doctors} />
        {creating ? (
          <QuickCreatePatient
            onCreated={(p) => {
              form.set('patient', p);
              setCreating(false);
            }}
          />
        ) : (
          <>
            <PatientPicker
              selected={form.values.patient}
              onSelect={(p) => form.set('patient', p)}
            />
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setCreating(true)}
            >
              New patient…
            </button>
          </>
        )}
        <TextAreaField
          label="Notes"
          rows={2}
          value={form.values.notes}
          onChange={(notes) => form.set('notes', notes)}
        />
        <ErrorAlert message={form.failure?.message ?? null} />
        <div className="button-row">
          <SubmitButton form={form} type="button" patch={{ overbookReason: null }}>
            Book
          </SubmitButton>
          {clash && (
            <OverbookPrompt
              busy={form.busy}
              onConfirm={(reason) => form.submit({ overbookReason: reason })}
            />
          )}
        </div>
      </div>
    </SidePanel>
  );
}
