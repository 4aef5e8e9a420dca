import type { EntityTable } from '../../../shared/domain/entities';
import type { ClinicStore } from '../clinic/clinic-store';
import { EntityRepository } from './entity-repository';

/** The repositories of every entity over one store. */
export const repositories = (store: ClinicStore) => ({
  tenants: new EntityRepository(store, 'tenants'),
  users: new EntityRepository(store, 'users'),
  devices: new EntityRepository(store, 'devices'),
  doctors: new EntityRepository(store, 'doctors'),
  patients: new EntityRepository(store, 'patients'),
  admins: new EntityRepository(store, 'admins'),
  appointments: new EntityRepository(store, 'appointments'),
  medicalRecords: new EntityRepository(store, 'medical_records'),
  messages: new EntityRepository(store, 'messages'),
  billing: new EntityRepository(store, 'billing'),
  invoiceLineItems: new EntityRepository(store, 'invoice_line_items'),
  payments: new EntityRepository(store, 'payments'),
  conversations: new EntityRepository(store, 'conversations'),
  conversationMembers: new EntityRepository(store, 'conversation_members'),
  messageMarks: new EntityRepository(store, 'message_marks'),
  refunds: new EntityRepository(store, 'refunds'),
  priceItems: new EntityRepository(store, 'price_items'),
  dayCloses: new EntityRepository(store, 'day_closes'),
  duplicateDismissals: new EntityRepository(store, 'duplicate_dismissals'),
  documents: new EntityRepository(store, 'documents'),
  documentChunks: new EntityRepository(store, 'document_chunks'),
  patientCredits: new EntityRepository(store, 'patient_credits'),
});
export type Repositories = ReturnType<typeof repositories>;

export const repositoryFor = (
  repos: Repositories,
  table: EntityTable,
): EntityRepository<EntityTable> =>
  Object.values(repos).find((r) => r.table === table) as EntityRepository<EntityTable>;
