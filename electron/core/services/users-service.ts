// Staff accounts and doctors. Managing them needs the admin permissions
// (users.manage; doctors.manage for doctors); listing staff needs users.manage
// too, since it shows admins' permissions and doctors' licence numbers.
import type { ApiRequest } from '../../../shared/api/channels';
import type { StaffMember } from '../../../shared/api/admin';
import { emptyAvailability } from '../../../shared/domain/availability';
import type { Permission, Role } from '../../../shared/domain/enums';
import { PublicUser } from '../../../shared/domain/user';
import { AppError } from '../../../shared/errors';
import { hashPassword } from '../auth/password';
import type { ClinicStore } from '../clinic/clinic-store';
import type { Repositories } from '../repos/repositories';
import { requireCap, type Session } from './session';

interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  /** Null for patients, who never log in to the desktop app. */
  password: string | null;
  permissions?: readonly Permission[];
}

export class UsersService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
  ) {}

  /** Checks and hashes first (scrypt is slow and async), then writes in one synchronous transaction. */
  private async prepareAccount(session: Session, u: NewAccount) {
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
    return { ...u, email, passwordHash };
  }

  private insertAccount(
    session: Session,
    u: Awaited<ReturnType<UsersService['prepareAccount']>>,
  ): PublicUser {
    const user = this.repos.users.create(session.actor, {
      email: u.email,
      displayName: u.displayName,
      role: u.role,
      passwordHash: u.passwordHash,
      active: true,
      mustChangePassword: false,
    });
    if (u.role === 'admin') {
      this.repos.admins.create(session.actor, {
        userId: user.id,
        permissions: [...(u.permissions ?? [])],
      });
    }
    return PublicUser.parse(user);
  }

  private async createAccount(session: Session, u: NewAccount): Promise<PublicUser> {
    const ready = await this.prepareAccount(session, u);
    return this.store.transaction(() => this.insertAccount(session, ready));
  }

  /** A front-desk user or an administrator (with the permissions given). */
  async createStaff(session: Session, r: ApiRequest<'users.create'>): Promise<StaffMember> {
    const user = await this.createAccount(session, {
      ...r,
      permissions: r.role === 'admin' ? (r.permissions ?? []) : [],
    });
    return this.member(session, user.id);
  }

  /** A doctor: their login and their profile, in one transaction. */
  async createDoctor(session: Session, r: ApiRequest<'doctors.create'>): Promise<StaffMember> {
    // Both capabilities up front, so a refusal never leaves a half-made doctor.
    requireCap(session, 'users.manage');
    requireCap(session, 'doctors.manage');
    const ready = await this.prepareAccount(session, { ...r, role: 'doctor' });
    const userId = this.store.transaction(() => {
      const user = this.insertAccount(session, ready);
      this.repos.doctors.create(session.actor, {
        userId: user.id,
        specialty: r.specialty,
        licenseNumber: r.licenseNumber,
        consultationFee: r.consultationFee,
        experienceYears: r.experienceYears,
        availability: r.availability ?? emptyAvailability,
      });
      return user.id;
    });
    return this.member(session, userId);
  }

  /** A patient's user row (patients are users, as the seed says, but never log in here). */
  async createPatientUser(
    session: Session,
    u: { email: string; displayName: string },
  ): Promise<PublicUser> {
    return this.createAccount(session, { ...u, role: 'patient', password: null });
  }

  /** Admins who can still log in, other than `exceptUserId`. */
  private otherActiveAdmins(tenantId: string, exceptUserId: string): number {
    return this.repos.users.count(tenantId, {
      where: "role = 'admin' AND active = 1 AND id != ?",
      params: [exceptUserId],
    });
  }

  private staffUser(session: Session, userId: string) {
    const user = this.repos.users.find(session.actor.tenantId, userId);
    if (!user || user.role === 'patient')
      throw new AppError('NOT_FOUND', 'That user does not exist.');
    return user;
  }

  /**
   * Deactivates or reactivates a login. A deactivated user cannot log in on any
   * workstation once the change has synced (sessions open elsewhere end at
   * their next call); their history stays. The last active admin stays.
   */
  setActive(session: Session, r: ApiRequest<'users.setActive'>): StaffMember {
    requireCap(session, 'users.manage');
    const user = this.staffUser(session, r.userId);
    if (!r.active) {
      if (user.id === session.user.id)
        throw new AppError('CONFLICT', 'You cannot deactivate your own account.');
      if (user.role === 'admin' && this.otherActiveAdmins(session.actor.tenantId, user.id) === 0)
        throw new AppError('CONFLICT', 'The last active administrator cannot be deactivated.');
    }
    this.repos.users.update(session.actor, user.id, { active: r.active });
    return this.member(session, user.id);
  }

  /** Front desk ↔ admin. A doctor keeps their role (their profile and records are a doctor's). */
  setRole(session: Session, r: ApiRequest<'users.setRole'>): StaffMember {
    requireCap(session, 'users.manage');
    const tenantId = session.actor.tenantId;
    const user = this.staffUser(session, r.userId);
    if (user.role === 'doctor')
      throw new AppError(
        'CONFLICT',
        "A doctor's account keeps its role; create a new account instead.",
      );
    if (
      user.role === 'admin' &&
      r.role !== 'admin' &&
      user.active &&
      this.otherActiveAdmins(tenantId, user.id) === 0
    )
      throw new AppError('CONFLICT', 'The last active administrator cannot be given another role.');
    this.store.transaction(() => {
      const adminRow = this.repos.admins.list(tenantId, {
        where: 'userId = ?',
        params: [user.id],
        limit: 1,
      })[0];
      if (r.role === 'admin') {
        const permissions = [...(r.permissions ?? [])];
        if (adminRow) this.repos.admins.update(session.actor, adminRow.id, { permissions });
        else this.repos.admins.create(session.actor, { userId: user.id, permissions });
      } else if (adminRow) {
        this.repos.admins.delete(session.actor, adminRow.id);
      }
      if (user.role !== r.role) this.repos.users.update(session.actor, user.id, { role: r.role });
    });
    return this.member(session, user.id);
  }

  /** A temporary password the admin hands over in person; the user must choose a new one at next login. */
  async resetPassword(
    session: Session,
    r: ApiRequest<'users.resetPassword'>,
  ): Promise<StaffMember> {
    requireCap(session, 'users.manage');
    const user = this.staffUser(session, r.userId);
    const passwordHash = await hashPassword(r.temporaryPassword);
    this.repos.users.update(session.actor, user.id, { passwordHash, mustChangePassword: true });
    return this.member(session, user.id);
  }

  listStaff(session: Session): StaffMember[] {
    requireCap(session, 'users.manage');
    const tenantId = session.actor.tenantId;
    const doctors = new Map(this.repos.doctors.list(tenantId).map((d) => [d.userId, d]));
    const permissions = new Map(
      this.repos.admins.list(tenantId).map((a) => [a.userId, a.permissions]),
    );
    return this.repos.users
      .list(tenantId, { orderBy: 'displayName', where: "role != 'patient'" })
      .map((u): StaffMember => {
        const d = doctors.get(u.id);
        return {
          id: u.id,
          email: u.email,
          displayName: u.displayName,
          role: u.role,
          active: u.active,
          mustChangePassword: u.mustChangePassword,
          doctor: d
            ? {
                id: d.id,
                specialty: d.specialty,
                licenseNumber: d.licenseNumber,
                consultationFee: d.consultationFee,
                experienceYears: d.experienceYears,
              }
            : null,
          permissions: u.role === 'admin' ? (permissions.get(u.id) ?? []) : null,
        };
      });
  }

  private member(session: Session, userId: string): StaffMember {
    const m = this.listStaff(session).find((s) => s.id === userId);
    if (!m) throw new AppError('NOT_FOUND', 'That user does not exist.');
    return m;
  }
}
