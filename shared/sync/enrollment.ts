// Registering a clinic and enrolling workstations (docs/sync-protocol.md,
// "Enrollment"). Private keys never leave a workstation: it sends a CSR and
// gets back a client certificate. The clinic key travels to a new workstation
// wrapped with a secret that is part of the human-facing code and never sent to
// the server, so the server stores a blob it cannot open.
import { z } from 'zod';
import { Id, NonEmptyText } from '../domain/primitives';
import { DEFAULT_ENROLLMENT_TTL_SECONDS, RequestBase } from './protocol';

const Pem = (label: string) =>
  z
    .string()
    .max(16 * 1024)
    .refine(
      (s) => s.includes(`-----BEGIN ${label}-----`) && s.includes(`-----END ${label}-----`),
      `expected a PEM ${label}`,
    );

export const CsrPem = Pem('CERTIFICATE REQUEST');
export const CertificatePem = Pem('CERTIFICATE');

/** The clinic key encrypted by the client; opaque to the server. */
export const WrappedClinicKey = z.string().min(1).max(4096);

/** base64url without padding: the alphabet of every part of an enrollment code. */
const B64Url = (chars: number) => z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${chars}}$`));
export const EnrollmentId = B64Url(12);
export const EnrollmentToken = B64Url(22);
/** 32 random bytes chosen by the client; it never reaches the server. */
export const EnrollmentSecret = B64Url(43);
/**
 * Derived from the secret (electron/core/sync/enrollment-proof.ts): sent when the code is created and
 * again when it is used, so the server can refuse a joiner without the secret before
 * it uses up the code, while the secret itself never reaches it.
 */
export const EnrollmentProof = B64Url(43);

// ---- POST /v1/clinics (server admin token) --------------------------------

export const RegisterClinicRequest = z.object({
  ...RequestBase,
  tenantId: Id,
  clinicName: NonEmptyText(200),
  /** The first workstation's device id (it may have been working offline already). */
  deviceId: Id,
  deviceName: NonEmptyText(100),
  csr: CsrPem,
});
export type RegisterClinicRequest = z.infer<typeof RegisterClinicRequest>;

export const DeviceCertificateResponse = z.object({
  tenantId: Id,
  deviceId: Id,
  /** This workstation's client certificate (PEM), for mutual TLS. */
  certificate: CertificatePem,
  /** The server's CA (PEM): trust only it for this server. */
  caCertificate: CertificatePem,
});
export type DeviceCertificateResponse = z.infer<typeof DeviceCertificateResponse>;

export const RegisterClinicResponse = DeviceCertificateResponse;
export type RegisterClinicResponse = DeviceCertificateResponse;

// ---- POST /v1/enrollments (mutual TLS) ------------------------------------

export const CreateEnrollmentRequest = z.object({
  ...RequestBase,
  tenantId: Id.optional(),
  wrappedClinicKey: WrappedClinicKey,
  secretProof: EnrollmentProof,
  expiresInSeconds: z.number().int().min(60).max(86400).optional(),
});
export type CreateEnrollmentRequest = z.infer<typeof CreateEnrollmentRequest>;

export const CreateEnrollmentResponse = z.object({
  enrollmentId: EnrollmentId,
  token: EnrollmentToken,
  /** ISO-8601 UTC. */
  expiresAt: z.iso.datetime(),
});
export type CreateEnrollmentResponse = z.infer<typeof CreateEnrollmentResponse>;

export { DEFAULT_ENROLLMENT_TTL_SECONDS };

// ---- POST /v1/enrollments/cancel (mutual TLS) -------------------------------

/** An enrolled workstation of the same clinic cancels a code nobody has used yet. */
export const CancelEnrollmentRequest = z.object({
  ...RequestBase,
  enrollmentId: EnrollmentId,
});
export type CancelEnrollmentRequest = z.infer<typeof CancelEnrollmentRequest>;

export const CancelEnrollmentResponse = z.object({ cancelled: z.literal(true) });

// ---- POST /v1/enroll (no client certificate yet) --------------------------

export const EnrollRequest = z.object({
  ...RequestBase,
  enrollmentId: EnrollmentId,
  token: EnrollmentToken,
  secretProof: EnrollmentProof,
  deviceId: Id,
  deviceName: NonEmptyText(100),
  csr: CsrPem,
});
export type EnrollRequest = z.infer<typeof EnrollRequest>;

export const EnrollResponse = DeviceCertificateResponse.extend({
  wrappedClinicKey: WrappedClinicKey,
});
export type EnrollResponse = z.infer<typeof EnrollResponse>;

// ---- the human-facing code -------------------------------------------------

export interface EnrollmentCode {
  enrollmentId: string;
  token: string;
  secret: string;
}

/** `<enrollmentId>.<token>.<secret>`: '.' is outside the base64url alphabet. */
export const formatEnrollmentCode = (c: EnrollmentCode): string =>
  `${c.enrollmentId}.${c.token}.${c.secret}`;

/** Null when the text is not a well-formed code (whitespace around it is ignored). */
export function parseEnrollmentCode(text: string): EnrollmentCode | null {
  const parts = text.trim().split('.');
  if (parts.length !== 3) return null;
  const [enrollmentId, token, secret] = parts as [string, string, string];
  const ok =
    EnrollmentId.safeParse(enrollmentId).success &&
    EnrollmentToken.safeParse(token).success &&
    EnrollmentSecret.safeParse(secret).success;
  return ok ? { enrollmentId, token, secret } : null;
}

/** Compare certificate fingerprints as typed by people: case and colons don't matter. */
export const normalizeFingerprint = (fp: string): string =>
  fp.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
