// Enrolls a fleet of workstations on a running server, as the protocol does
// it: each clinic registered by its first workstation (admin token), each
// further one joined with a one-time code from the first. Every workstation
// has its own key, certificate and connection.
import { randomBytes, randomUUID } from 'node:crypto';
import { enrollmentProof } from '../../electron/core/sync/enrollment-proof';
import { DeviceWriter, newKeyAndCsr, ProtocolClient, versions } from './protocol-client';

export interface FleetMember {
  client: ProtocolClient;
  writer: DeviceWriter;
}

interface Server {
  url: string;
  caPem: string;
  adminToken: string;
}

const expect201 = (what: string, status: number, data: unknown) => {
  if (status !== 201) throw new Error(`${what} failed: ${status} ${JSON.stringify(data)}`);
};

async function member(server: Server, tenantId: string, first: FleetMember | null) {
  const key = await newKeyAndCsr();
  const deviceId = randomUUID();
  const anonymous = new ProtocolClient(server.url, server.caPem);
  try {
    let res;
    if (!first) {
      res = await anonymous.post(
        '/v1/clinics',
        {
          ...versions,
          tenantId,
          clinicName: 'Benchmark Clinic',
          deviceId,
          deviceName: 'Front desk',
          csr: key.csrPem,
        },
        { authorization: `Bearer ${server.adminToken}` },
      );
      expect201('register', res.status, res.data);
    } else {
      const secretProof = enrollmentProof(randomBytes(32));
      const code = await first.client.post('/v1/enrollments', {
        ...versions,
        wrappedClinicKey: 'wrapped',
        secretProof,
      });
      expect201('enrollment code', code.status, code.data);
      res = await anonymous.post('/v1/enroll', {
        ...versions,
        enrollmentId: code.data['enrollmentId'],
        token: code.data['token'],
        secretProof,
        deviceId,
        deviceName: 'Workstation',
        csr: key.csrPem,
      });
      expect201('enroll', res.status, res.data);
    }
    const client = new ProtocolClient(server.url, server.caPem, {
      certPem: String(res.data['certificate']),
      keyPem: key.keyPem,
    });
    return { client, writer: new DeviceWriter(tenantId, deviceId) };
  } finally {
    anonymous.close();
  }
}

/** `clinics` clinics of `perClinic` workstations each; enrolls a few at a time. */
export async function enrollFleet(
  server: Server,
  clinics: number,
  perClinic: number,
): Promise<FleetMember[]> {
  const fleet: FleetMember[] = [];
  await Promise.all(
    Array.from({ length: clinics }, async () => {
      const tenantId = randomUUID();
      const first = await member(server, tenantId, null);
      fleet.push(first);
      for (let i = 1; i < perClinic; i++) fleet.push(await member(server, tenantId, first));
    }),
  );
  return fleet;
}
