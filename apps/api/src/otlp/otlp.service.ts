import { Inject, Injectable } from '@nestjs/common';
import type { IngestEventResult } from '@roundhouse/contracts';
import { IngestService } from '../ingest/index.js';
import type { RuntimeIdentity } from '../auth/index.js';
import type { OtlpSpan } from './otlp-request.js';
import type { PartialSuccess } from './otlp-response.js';
import { spanReports } from './otlp-spans.js';
import { OtlpRepository } from './otlp.repository.js';

/** What one export came to: OTLP's partial success, and whether every span was refused for coverage (403). */
export interface ExportOutcome {
  partialSuccess: PartialSuccess | undefined;
  allForbidden: boolean;
}

/** At most this many reasons are spelled out in partial_success.error_message; the count covers all. */
const REASONS_SAID = 5;

function describe(span: OtlpSpan, result: IngestEventResult): string {
  return `span ${span.spanId || '(no id)'} "${span.name.slice(0, 60)}": ${result.reason ?? result.outcome}`;
}

/**
 * OpenTelemetry in: spans become ingest events (runs and steps) and go through the ingest
 * pipeline, so the same coverage, quarantine, idempotency and timestamp window apply to both ways in.
 */
@Injectable()
export class OtlpService {
  constructor(
    @Inject(IngestService) private readonly ingest: IngestService,
    @Inject(OtlpRepository) private readonly repository: OtlpRepository,
  ) {}

  async export(spans: readonly OtlpSpan[], runtime: RuntimeIdentity): Promise<ExportOutcome> {
    const serviceNames = [...new Set(spans.map((s) => s.resource['service.name']).filter((n): n is string => typeof n === 'string'))];
    const bindings = await this.repository.automationsByServiceName(serviceNames);
    const ambiguous = [...bindings].filter(([, slugs]) => slugs.length > 1);
    const bound = new Map([...bindings].flatMap(([name, slugs]) => (slugs.length === 1 && slugs[0] !== undefined ? [[name, slugs[0]] as const] : [])));

    const reports = spanReports(spans, bound);
    const ours = reports.filter((r) => r.report !== undefined);
    const skipped = reports.length - ours.length;
    const result = await this.ingest.ingest(
      ours.map((r) => r.report),
      runtime,
    );
    const refused = result.results.flatMap((r) => (r.outcome === 'quarantined' || r.outcome === 'forbidden' ? [{ span: ours[r.index]?.span, result: r }] : []));

    const sentences: string[] = [];
    if (refused.length > 0) {
      const said = refused.slice(0, REASONS_SAID).map(({ span, result: r }) => (span === undefined ? r.reason : describe(span, r)));
      const more = refused.length > REASONS_SAID ? `; and ${refused.length - REASONS_SAID} more` : '';
      sentences.push(`${refused.length} of ${spans.length} spans refused (quarantined ones are kept with their reason for the automation's owner): ${said.join('; ')}${more}.`);
    }
    if (skipped > 0) {
      sentences.push(
        `${skipped} spans name no automation and were skipped: set the roundhouse.automation attribute on the span or its resource, or name the resource's service.name in an automation's runtime binding (serviceName).`,
      );
    }
    for (const [name, slugs] of ambiguous) {
      sentences.push(`The service.name "${name}" is named by the bindings of ${slugs.join(', ')}: set roundhouse.automation to say which.`);
    }
    return {
      partialSuccess: sentences.length === 0 ? undefined : { rejectedSpans: refused.length, errorMessage: sentences.join(' ') },
      allForbidden: ours.length > 0 && result.forbidden === ours.length,
    };
  }
}
