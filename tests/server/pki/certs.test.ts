// Certificate serials: node-forge writes a serial's hex as given, so a serial
// starting with a 00 byte becomes a non-minimal DER integer that OpenSSL (and
// so Node's TLS) refuses to read ("illegal padding"). That hit one certificate
// in 128, making a CA, a server certificate or a workstation's enrollment fail
// at random.
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createCa, createServerCert, newSerial } from '../../../sync-server/src/pki/certs';

describe('certificate serials', () => {
  it('are positive DER integers with no leading zero byte, in every draw', () => {
    const bad = Array.from({ length: 5000 }, newSerial).filter((s) => {
      const first = parseInt(s.slice(0, 2), 16);
      return s.length !== 32 || first < 0x40 || first > 0x7f;
    });
    expect(bad).toEqual([]);
  });

  it('give certificates that OpenSSL reads', () => {
    const ca = createCa();
    const serials = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const cert = new X509Certificate(createServerCert(ca, ['127.0.0.1']).certPem);
      expect(cert.verify(new X509Certificate(ca.certPem).publicKey)).toBe(true);
      serials.add(cert.serialNumber);
    }
    expect(serials.size).toBe(5);
  });
});
