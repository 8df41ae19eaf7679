import { Inject, Injectable } from '@nestjs/common';
import { Database } from '../database/database.js';

@Injectable()
export class OtlpRepository {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** The active automations whose runtime binding names each of these OpenTelemetry service names (archived ones speak for nothing). */
  async automationsByServiceName(serviceNames: readonly string[]): Promise<Map<string, string[]>> {
    const bound = new Map<string, string[]>();
    if (serviceNames.length === 0) {
      return bound;
    }
    const rows = await this.db.query<{ service_name: string; slug: string }>(
      `SELECT runtime->>'serviceName' AS service_name, slug FROM automation WHERE archived_at IS NULL AND runtime->>'serviceName' = ANY($1::text[]) ORDER BY slug`,
      [serviceNames],
    );
    for (const row of rows) {
      bound.set(row.service_name, [...(bound.get(row.service_name) ?? []), row.slug]);
    }
    return bound;
  }
}
