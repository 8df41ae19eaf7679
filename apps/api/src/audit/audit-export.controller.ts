import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, RequirePermission, type User } from '../auth/index.js';
import { InputError, type FieldError } from '../errors/domain-errors.js';
import { auditCsvLine, auditJsonLine, CSV_HEADER, csvLine, EXPORT_FORMATS, exportFileName, type ExportFormat } from './audit-export.js';
import { AuditService } from './audit.service.js';
import type { AuditFilter } from './dto/audit-entry.type.js';

const TEXT_FIELDS = ['automation', 'team', 'actor', 'action', 'targetKind', 'targetId'] as const;

/** The export's query string as the GraphQL filter; throws an InputError naming a bad date or format. */
function filterOf(params: Record<string, unknown>): { filter: AuditFilter; format: ExportFormat } {
  const problems: FieldError[] = [];
  const one = (name: string): string | undefined => {
    const value = params[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const date = (name: 'from' | 'to'): Date | undefined => {
    const value = one(name);
    if (value === undefined) {
      return undefined;
    }
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime())) {
      problems.push({ path: name, message: 'not a date', found: JSON.stringify(value), allowed: 'an ISO 8601 time such as 2026-11-27T09:00:00Z' });
    }
    return parsed;
  };
  const filter: AuditFilter = Object.fromEntries(TEXT_FIELDS.map((field) => [field, one(field)]));
  filter.from = date('from');
  filter.to = date('to');
  const format = one('format') ?? 'csv';
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) {
    problems.push({ path: 'format', message: 'not a known format', found: JSON.stringify(format), allowed: EXPORT_FORMATS.join(', ') });
  }
  if (problems.length > 0) {
    throw new InputError(`The export is not valid: ${problems.map((p) => p.path).join(', ')}.`, problems);
  }
  return { filter, format: format as ExportFormat };
}

/** Resolves when the response can take more, or the reader went away. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The audit trail as a file, with the console's filters and the same scope as `auditEntries`. */
@Controller('audit')
export class AuditExportController {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  /** `GET /audit/export.csv?automation=…&from=…`; `format=ndjson` for one JSON object a line. */
  @RequirePermission('audit:read')
  @Get('export.csv')
  async export(@Query() params: Record<string, unknown>, @CurrentUser() user: User | undefined, @Res() res: Response): Promise<void> {
    const { filter, format } = filterOf(params);
    // Scope and filters are checked here, so a refusal is an ordinary error response, not half a file.
    const pages = await this.audit.export(filter, user);
    res.status(200);
    res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="${exportFileName(format, new Date())}"`);
    res.setHeader('cache-control', 'no-store');
    if (format === 'csv') {
      res.write(csvLine(CSV_HEADER));
    }
    for await (const rows of pages) {
      if (res.destroyed) {
        return;
      }
      const chunk = rows.map(format === 'csv' ? auditCsvLine : auditJsonLine).join('');
      if (!res.write(chunk)) {
        await drained(res);
      }
    }
    res.end();
  }
}
