// Sample data for core tests. Names are distinctive so byte searches are meaningful.
import type { PatientInput } from '../../shared/api/patients';
import type { Availability } from '../../shared/domain/availability';

export const patientInput = (over: Partial<PatientInput> = {}): PatientInput => ({
  givenName: 'Zebulon',
  familyName: 'Quixotewright',
  dateOfBirth: '1975-06-30',
  sex: 'male',
  bloodType: 'B+',
  phone: '020 7946 0018',
  email: 'zebulon@example.test',
  address: '12 Orchard Lane',
  emergencyContact: {
    name: 'Marisol Quixotewright',
    phone: '020 7946 0019',
    relationship: 'spouse',
  },
  insuranceProvider: 'Acme Health',
  insurancePolicyNumber: 'AH-991',
  ...over,
});

export const weekdayAvailability: Availability = {
  slotMinutes: 15,
  weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
  breaks: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '12:30', end: '13:30' })),
  exceptions: [],
};

export const STAFF_PASSWORD = 'staff-password-1';
