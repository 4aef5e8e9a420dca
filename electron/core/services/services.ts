// The domain services over one open store. Each takes the session it acts
// for and enforces the capability table (shared/auth/capabilities.ts) itself,
// since the CLI and the demo call services directly, not through dispatch.
import type { ClinicStore } from '../clinic/clinic-store';
import { repositories, type Repositories } from '../repos/repositories';
import { AppointmentsService } from './appointments-service';
import { AttachmentsService } from './attachments-service';
import { AuditService } from './audit-service';
import { AuthService } from './auth-service';
import { BillingService } from './billing-service';
import { ChartExportsService } from './chart-exports-service';
import { ClinicSettingsService } from './clinic-settings-service';
import { CurrentListsService } from './current-lists-service';
import { MessagesService } from './messages-service';
import { PatientsService } from './patients-service';
import { PatientDuplicatesService } from './patient-duplicates';
import { DuplicateDismissalsService } from './duplicate-dismissals';
import { PatientMergeService } from './patient-merge-service';
import { RecordDraftsService } from './record-drafts-service';
import { RecordsService } from './records-service';
import { ScheduleService } from './schedule-service';
import { SensitivePatientsService } from './sensitive-patients-service';
import { TrendsService } from './trends-service';
import { UsersService } from './users-service';

export const servicesFor = (store: ClinicStore, repos: Repositories = repositories(store)) => {
  const records = new RecordsService(store, repos);
  return {
    repos,
    auth: new AuthService(store, repos),
    users: new UsersService(store, repos),
    patients: new PatientsService(store, repos),
    patientDuplicates: new PatientDuplicatesService(store, repos),
    patientMerge: new PatientMergeService(store, repos),
    duplicateDismissals: new DuplicateDismissalsService(store, repos),
    records,
    drafts: new RecordDraftsService(store, repos),
    attachments: new AttachmentsService(store, repos, records),
    trends: new TrendsService(store, repos),
    currentLists: new CurrentListsService(store, repos),
    chartExports: new ChartExportsService(store, repos),
    messages: new MessagesService(store, repos),
    billing: new BillingService(store, repos),
    appointments: new AppointmentsService(store, repos),
    schedule: new ScheduleService(store, repos),
    clinicSettings: new ClinicSettingsService(repos),
    audit: new AuditService(store, repos),
    sensitivePatients: new SensitivePatientsService(store, repos),
  };
};
export type Services = ReturnType<typeof servicesFor>;
