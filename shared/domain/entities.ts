// The registry of synced entities: one schema per entity, keyed by its table name.
import type { z } from 'zod';
import { Tenant } from './tenant';
import { User } from './user';
import { Doctor } from './doctor';
import { Patient } from './patient';
import { Admin } from './admin';
import { Appointment } from './appointment';
import { MedicalRecord } from './medical-record';
import { Message } from './message';
import { Conversation, ConversationMember, MessageMark } from './message';
import { Billing, InvoiceLineItem, Payment } from './billing';
import { DayClose, PatientCredit, PriceItem, Refund } from './billing';
import { Device } from './device';
import { DuplicateDismissal } from './duplicate-dismissal';
import { ChartDocument, DocumentChunk } from './document';

export const entitySchemas = {
  tenants: Tenant,
  users: User,
  doctors: Doctor,
  patients: Patient,
  admins: Admin,
  appointments: Appointment,
  medical_records: MedicalRecord,
  messages: Message,
  billing: Billing,
  invoice_line_items: InvoiceLineItem,
  payments: Payment,
  devices: Device,
  conversations: Conversation,
  conversation_members: ConversationMember,
  message_marks: MessageMark,
  refunds: Refund,
  price_items: PriceItem,
  day_closes: DayClose,
  duplicate_dismissals: DuplicateDismissal,
  documents: ChartDocument,
  document_chunks: DocumentChunk,
  patient_credits: PatientCredit,
} as const;

/** A table written through the mutation path (audit_logs is insert-only and separate). */
export type EntityTable = keyof typeof entitySchemas;
export const entityTables = Object.keys(entitySchemas) as EntityTable[];

export type EntityOf<T extends EntityTable> = z.infer<(typeof entitySchemas)[T]>;

export const isEntityTable = (name: string): name is EntityTable =>
  Object.prototype.hasOwnProperty.call(entitySchemas, name);

/** Columns the mutation path owns; callers never set them. */
export const systemColumns = ['id', 'tenantId', 'createdAt', 'updatedAt', 'deletedAt'] as const;
