// The Playwright fixtures: `host` is a fresh browser host (its own data dir)
// for each test, so tests never see each other's clinics. Helpers here do
// what a person would do in the UI, or set up through the API when the setup
// is not what the test is about.
import { test as base, expect, type Page } from '@playwright/test';
import { startHost, type RunningHost } from './host-process';

export const clinic = {
  clinicName: 'Riverside Family Clinic',
  adminName: 'Dana Okafor',
  adminEmail: 'dana@riverside.example',
  adminPassword: 'correct-horse-battery',
};

export const test = base.extend<{ host: RunningHost }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern
  host: async ({}, use) => {
    const host = await startHost();
    try {
      await use(host);
    } finally {
      await host.stop();
    }
  },
});

export { expect };

/** Creates the clinic through the API (the page then opens logged in as its admin). */
export async function createClinicViaApi(host: RunningHost): Promise<void> {
  await host.api('setup.createClinic', {
    clinicName: clinic.clinicName,
    timeZone: 'Europe/Amsterdam',
    currency: 'EUR',
    adminName: clinic.adminName,
    adminEmail: clinic.adminEmail,
    adminPassword: clinic.adminPassword,
  });
}

/** Registers a patient through the API as the logged-in user, with only the fields a desk must ask. */
export function createPatientViaApi(
  host: RunningHost,
  p: { givenName: string; familyName: string; dateOfBirth: string; phone?: string },
) {
  return host.api('patients.create', {
    sex: 'female',
    bloodType: 'unknown',
    phone: '',
    email: '',
    address: '',
    emergencyContact: null,
    insuranceProvider: '',
    insurancePolicyNumber: '',
    ...p,
  });
}

/** Opens the app with the printed launch URL, as a person pasting it would. */
export async function openApp(page: Page, host: RunningHost): Promise<void> {
  await page.goto(host.launchUrl);
}

export async function logIn(page: Page, email: string, password: string): Promise<void> {
  const email_ = page.getByLabel('Email');
  await email_.fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
}

/** The working app is showing, for this user. */
export async function expectSignedIn(page: Page, displayName: string): Promise<void> {
  await expect(page.getByRole('banner')).toContainText(displayName);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** First run → "Explore the demo clinic"; generating its patients can take a while. */
export async function exploreDemo(page: Page): Promise<void> {
  // Generating the demo's patients through the real write path takes a while on
  // a shared CI machine: give the test that does it the longer "slow" timeout.
  test.slow();
  await page.getByRole('button', { name: 'Explore the demo clinic' }).click();
  await expect(page.getByRole('region', { name: 'Demo logins' })).toBeVisible({ timeout: 50_000 });
}
