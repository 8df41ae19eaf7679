import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NewAuditEntry } from './audit-entry.js';
import { AuditRepository } from './audit.repository.js';

/**
 * Records every change and action in the append-only trail. Pass the transaction's manager so the
 * entry is written with the change or not at all.
 */
@Injectable()
export class AuditService {
  constructor(@Inject(AuditRepository) private readonly repository: AuditRepository) {}

  record(entry: NewAuditEntry, manager?: EntityManager): Promise<void> {
    return this.repository.insert(manager, entry);
  }
}
