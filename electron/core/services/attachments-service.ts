// Files attached to a chart. The upload is checked (size, type by magic
// bytes, not empty) before anything is written; then, in one transaction, a
// `document` medical record (title, file name, SHA-256: encrypted), a
// `documents` row (type, size, chunk count) and the encrypted chunks. A
// document whose chunks have not all arrived by sync is listed as incomplete
// and cannot be opened yet. Every read of content is audited.
import { createHash, randomUUID } from 'node:crypto';
import type { ChannelInput } from '../../../shared/api/channels';
import type { DocumentFile, DocumentListItem } from '../../../shared/api/attachments';
import type { DocumentContent } from '../../../shared/charting/content';
import {
  chunkCountFor,
  DOCUMENT_CHUNK_BYTES,
  DOCUMENT_MAX_BYTES,
  sniffDocumentType,
} from '../../../shared/charting/documents';
import type { ChartDocument } from '../../../shared/domain/document';
import { AppError } from '../../../shared/errors';
import type { ClinicStore } from '../clinic/clinic-store';
import { decryptBytes, encryptBytes } from '../crypto/field-crypto';
import type { Repositories } from '../repos/repositories';
import { decryptRecord, type RecordsService } from './records-service';
import { requireCap, type Session } from './session';

const invalid = (message: string, path = 'dataBase64') =>
  new AppError('VALIDATION_FAILED', message, [{ path, message }]);

export class AttachmentsService {
  constructor(
    private readonly store: ClinicStore,
    private readonly repos: Repositories,
    private readonly records: RecordsService,
  ) {}

  upload(session: Session, r: ChannelInput<'attachments.upload'>): DocumentListItem {
    requireCap(session, 'records.write');
    const tenantId = session.actor.tenantId;
    this.repos.patients.get(tenantId, r.patientId);
    const bytes = Buffer.from(r.dataBase64, 'base64');
    if (bytes.length === 0) throw invalid('The file is empty.');
    if (bytes.length > DOCUMENT_MAX_BYTES)
      throw invalid('The file is larger than the 10 MB limit.');
    const mimeType = sniffDocumentType(bytes);
    if (!mimeType) throw invalid('Only PDF, PNG and JPEG files can be attached.');
    const documentId = randomUUID();
    const content: DocumentContent = {
      title: r.title,
      summary: '',
      mimeType,
      fileName: r.fileName,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      documentId,
    };
    const doc = this.store.transaction(() => {
      const rec = this.records.create(session, {
        patientId: r.patientId,
        recordType: 'document',
        content,
      });
      const created = this.repos.documents.create(
        session.actor,
        {
          patientId: r.patientId,
          recordId: rec.id,
          mimeType,
          sizeBytes: bytes.length,
          chunkCount: chunkCountFor(bytes.length),
        },
        documentId,
      );
      for (let i = 0; i < created.chunkCount; i++) {
        const id = randomUUID();
        const part = bytes.subarray(i * DOCUMENT_CHUNK_BYTES, (i + 1) * DOCUMENT_CHUNK_BYTES);
        const sealed = encryptBytes(
          this.store.keyring,
          { tenantId, table: 'document_chunks', rowId: id },
          part,
        );
        this.repos.documentChunks.create(
          session.actor,
          {
            documentId,
            chunkIndex: i,
            encryptedData: sealed.ciphertext,
            encryptionKey: sealed.wrappedKey,
          },
          id,
        );
      }
      return created;
    });
    return this.item(session, doc, content);
  }

  /** The patient's documents, newest first; their titles are decrypted (audited). */
  list(session: Session, r: ChannelInput<'attachments.list'>): { items: DocumentListItem[] } {
    requireCap(session, 'records.read_content');
    const tenantId = session.actor.tenantId;
    this.repos.patients.get(tenantId, r.patientId);
    const docs = this.repos.documents.list(tenantId, {
      where: 'patientId = ?',
      params: [r.patientId],
      orderBy: 'createdAt DESC, id DESC',
    });
    const items = this.store.transaction(() =>
      docs.flatMap((doc) => {
        // The record and the document travel in the same sync batch; if the
        // record has not arrived yet there is nothing to show.
        const rec = this.repos.medicalRecords.find(tenantId, doc.recordId);
        if (!rec) return [];
        const content = decryptRecord(this.store, tenantId, rec, session) as DocumentContent;
        return [this.item(session, doc, content)];
      }),
    );
    return { items };
  }

  /** The file's bytes, checked against the SHA-256 recorded at upload; audited as a read. */
  read(session: Session, r: ChannelInput<'attachments.read'>): DocumentFile {
    requireCap(session, 'records.read_content');
    const tenantId = session.actor.tenantId;
    const doc = this.repos.documents.get(tenantId, r.documentId);
    const rec = this.repos.medicalRecords.get(tenantId, doc.recordId);
    const chunks = this.chunksOf(tenantId, doc.id);
    const complete = chunks.length === doc.chunkCount && chunks.every((c, i) => c.chunkIndex === i);
    if (!complete)
      throw new AppError(
        'CONFLICT',
        'This document is still downloading from the other workstations. Try again after the next sync.',
      );
    const bytes = Buffer.concat(
      chunks.map((c) =>
        decryptBytes(
          this.store.keyring,
          { tenantId, table: 'document_chunks', rowId: c.id },
          { ciphertext: c.encryptedData, wrappedKey: c.encryptionKey },
        ),
      ),
    );
    const content = decryptRecord(this.store, tenantId, rec, null) as DocumentContent;
    if (
      bytes.length !== doc.sizeBytes ||
      createHash('sha256').update(bytes).digest('hex') !== content.sha256
    )
      throw new AppError('INTEGRITY_FAILED', 'This document does not match what was attached.');
    this.store.audit(session.actor, 'read', 'documents', doc.id);
    return {
      documentId: doc.id,
      fileName: content.fileName ?? '',
      mimeType: doc.mimeType,
      sizeBytes: doc.sizeBytes,
      dataBase64: bytes.toString('base64'),
    };
  }

  /** Chunk ids and indexes, in order (no ciphertext: counting needs none). */
  private chunksOf(tenantId: string, documentId: string) {
    return this.repos.documentChunks.list(tenantId, {
      where: 'documentId = ?',
      params: [documentId],
      orderBy: 'chunkIndex ASC',
    });
  }

  private item(session: Session, doc: ChartDocument, content: DocumentContent): DocumentListItem {
    const tenantId = session.actor.tenantId;
    const present = this.repos.documentChunks.count(tenantId, {
      where: 'documentId = ?',
      params: [doc.id],
    });
    const rec = this.repos.medicalRecords.get(tenantId, doc.recordId);
    return {
      documentId: doc.id,
      recordId: doc.recordId,
      title: content.title,
      fileName: content.fileName ?? '',
      mimeType: doc.mimeType,
      sizeBytes: doc.sizeBytes,
      recordedAt: rec.recordedAt,
      authorName: this.records.entry(tenantId, rec).authorName,
      chunkCount: doc.chunkCount,
      chunksPresent: present,
      complete: present >= doc.chunkCount,
    };
  }
}
