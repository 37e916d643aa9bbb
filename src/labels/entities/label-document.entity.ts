import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A stored file (label PDF, customs form) in PostgreSQL: shared by instances, backed up with the data. */
@Entity('label_documents')
export class LabelDocumentEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('text', { name: 'content_type' })
  contentType: string;

  @Column('bytea')
  content: Buffer;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
