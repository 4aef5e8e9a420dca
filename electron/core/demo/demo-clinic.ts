// A realistic demo clinic (stub: being written in full; see the CLI issue).
import type { Role } from '../../../shared/domain/enums';
import type { Services } from '../app/core-runtime';
import type { ClinicStore } from '../store/clinic-store';

export interface DemoLogin {
  email: string;
  role: Role;
  password: string;
}

export async function generateDemoClinic(
  _store: ClinicStore,
  _services: Services,
  _opts: { patients: number; now?: () => number },
): Promise<{ tenantId: string; logins: DemoLogin[] }> {
  throw new Error('not implemented yet');
}
