import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { LabelDocumentEntity } from '../entities/label-document.entity';

export interface StoredDocument {
  contentType: string;
  content: Buffer;
}

/**
 * Where label PDFs and customs forms live. The interface is small on purpose so an object
 * store (S3, GCS) can replace the PostgreSQL implementation without touching the labels module.
 */
export abstract class DocumentStorage {
  abstract put(key: string, doc: StoredDocument, manager?: EntityManager): Promise<void>;
  abstract get(key: string): Promise<StoredDocument | undefined>;
}

@Injectable()
export class PostgresDocumentStorage extends DocumentStorage {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async put(key: string, doc: StoredDocument, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.upsert(LabelDocumentEntity, { key, contentType: doc.contentType, content: doc.content }, ['key']);
  }

  async get(key: string): Promise<StoredDocument | undefined> {
    const row = await this.dataSource.manager.findOneBy(LabelDocumentEntity, { key });
    return row ? { contentType: row.contentType, content: row.content } : undefined;
  }
}
