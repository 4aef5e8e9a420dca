import { describe, expect, it } from 'vitest';
import { clinicFixture } from './helpers';

describe('clinic store smoke', () => {
  it('creates a clinic, registers a patient and finds them by name prefix', async () => {
    const f = await clinicFixture();
    try {
      const p = f.services.patients.create(f.admin, {
        givenName: 'Maria',
        familyName: 'Lopez',
        dateOfBirth: '1980-02-03',
        sex: 'female',
        bloodType: 'O+',
        phone: '555-0100',
        email: '',
        address: '',
        emergencyContact: null,
        insuranceProvider: '',
        insurancePolicyNumber: '',
      });
      expect(p.medicalRecordNumber).toMatch(/^[A-Z0-9]{4}-000001$/);
      const found = f.services.patients.search(f.admin, { query: 'lop', offset: 0, limit: 10 });
      expect(found.items.map((i) => i.id)).toEqual([p.id]);
    } finally {
      f.close();
    }
  });
});
