// Staff accounts and doctors. Managing them needs the admin permissions.
import type { Availability } from '../../../shared/domain/availability';
import type { Doctor } from '../../../shared/domain/doctor';
import type { Permission, Role } from '../../../shared/domain/enums';
import type { PublicUser } from '../../../shared/domain/user';
import { PublicUser as PublicUserSchema } from '../../../shared/domain/user';
import { AppError } from '../../../shared/errors';
import { hashPassword } from '../auth/password';
import type { Repositories } from '../repos/repositories';
import type { ClinicStore } from '../store/clinic-store';
import { requireCap, type Session } from './session';

export interface NewUser {
  email: string;
  displayName: string;
  role: Role;
  /** Null for patients, who never log in to the desktop app. */
  password: string | null;
  permissions?: Permission[];
}

export interface NewDoctorProfile {
  specialty: string;
  licenseNumber: string;
  consultationFee: number;
  availability: Availability;
  experienceYears: number;
}

export class UsersService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  async createUser(session: Session, u: NewUser): Promise<PublicUser> {
    requireCap(session, 'users.manage');
    const email = u.email.trim().toLowerCase();
    if (
      this.repos.users.count(session.actor.tenantId, { where: 'email = ?', params: [email] }) > 0
    ) {
      throw new AppError('CONFLICT', 'A user with this email already exists.', [
        { path: 'email', message: 'already in use' },
      ]);
    }
    const passwordHash = u.password ? await hashPassword(u.password) : null;
    return this.store.transaction(() => {
      const user = this.repos.users.create(session.actor, {
        email,
        displayName: u.displayName,
        role: u.role,
        passwordHash,
        active: true,
      });
      if (u.role === 'admin') {
        this.repos.admins.create(session.actor, {
          userId: user.id,
          permissions: u.permissions ?? [],
        });
      }
      return PublicUserSchema.parse(user);
    });
  }

  async createDoctor(
    session: Session,
    u: Omit<NewUser, 'role'>,
    profile: NewDoctorProfile,
  ): Promise<Doctor> {
    requireCap(session, 'doctors.manage');
    const user = await this.createUser(session, { ...u, role: 'doctor' });
    return this.repos.doctors.create(session.actor, { userId: user.id, ...profile });
  }

  listUsers(session: Session): PublicUser[] {
    requireCap(session, 'patients.read');
    return this.repos.users
      .list(session.actor.tenantId, { orderBy: 'displayName', where: "role != 'patient'" })
      .map((u) => PublicUserSchema.parse(u));
  }

  listDoctors(session: Session): Doctor[] {
    requireCap(session, 'appointments.read');
    return this.repos.doctors.list(session.actor.tenantId, { orderBy: 'specialty' });
  }
}
