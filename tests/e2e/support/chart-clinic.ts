// The doctor and the patient the chart specs share: created through the API of
// a browser host whose clinic exists and whose admin is logged in.
import type { RunningHost } from './host-process';

export const DOCTOR = { email: 'lena.vos@riverside.example', password: 'doctor-password-1' };

export const addDoctor = (host: RunningHost) =>
  host.api('doctors.create', {
    displayName: 'Dr Lena Vos',
    specialty: 'General Practice',
    licenseNumber: 'BIG-1234',
    consultationFee: 6000,
    experienceYears: 12,
    ...DOCTOR,
  });

export const addPatient = (host: RunningHost) =>
  host.api('patients.create', {
    givenName: 'Amara',
    familyName: 'Lindqvist',
    dateOfBirth: '1984-03-09',
    sex: 'female',
    bloodType: 'O+',
    phone: '',
    email: '',
    address: '',
    emergencyContact: null,
    insuranceProvider: '',
    insurancePolicyNumber: '',
  });
