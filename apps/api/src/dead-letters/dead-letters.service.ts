import { Inject, Injectable } from '@nestjs/common';
import { grantsOnTeam, type User } from '../auth/index.js';
import { checkPageSize, decodeCursor, encodeCursor } from '../common/pagination.js';
import { NotFoundError } from '../errors/domain-errors.js';
import type { DeadLetterConnectionType, DeadLetterGroupType, DeadLetterType } from './dto/dead-letter.type.js';
import type { DeadLetterPosition, DeadLetterQuery, DeadLetterRow } from './dead-letter-query.js';
import { DeadLettersRepository } from './dead-letters.repository.js';
import { maskHeaders, maskMessage, maskPayload } from './mask-payload.js';
import { viewOf, viewText } from './message-body.js';

export const MAX_DEAD_LETTER_PAGE = 200;

/** The on-call engineer's view of dead letters: grouped, filtered, opened one by one. */
@Injectable()
export class DeadLettersService {
  constructor(@Inject(DeadLettersRepository) private readonly deadLetters: DeadLettersRepository) {}

  /** How many dead letters match `query` (no access check: the caller has checked it, e.g. a reprocess request's reader). */
  count(query: DeadLetterQuery): Promise<number> {
    return this.deadLetters.count(query);
  }

  /** The sources (kind and queue) holding pending dead letters of `automation`: what the runtimes' retention warnings look at. */
  pendingSources(automation: string): Promise<{ source_kind: string; source_queue: string }[]> {
    return this.deadLetters.pendingSources(automation);
  }

  /** How many dead letters of one source are pending and failed before `before`, and the oldest failure among them. */
  pendingFailedBefore(automation: string, sourceKind: string, queue: string, before: Date): Promise<{ count: number; oldest: Date | null }> {
    return this.deadLetters.pendingFailedBefore(automation, sourceKind, queue, before);
  }

  async list(query: DeadLetterQuery, first: number, after: string | undefined, user: User | undefined): Promise<DeadLetterConnectionType> {
    checkPageSize(first, MAX_DEAD_LETTER_PAGE);
    const position =
      after === undefined
        ? undefined
        : decodeCursor(after, ([lastFailedAt, id]): DeadLetterPosition | undefined =>
            typeof lastFailedAt === 'string' && !Number.isNaN(Date.parse(lastFailedAt)) && typeof id === 'string' && /^\d+$/.test(id) ? { lastFailedAt, id } : undefined,
          );
    const rows = await this.deadLetters.page(query, first + 1, position);
    const page = rows.slice(0, first);
    const nodes = await this.present(page, user);
    const edges = page.map((row, index) => ({ cursor: encodeCursor([row.last_failed_key, row.id]), node: nodes[index] as DeadLetterType }));
    return { edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async get(id: string, user: User | undefined): Promise<DeadLetterType> {
    const row = /^\d{1,18}$/.test(id) ? await this.deadLetters.byId(id) : undefined;
    if (row === undefined) {
      throw new NotFoundError(`No dead letter has the id "${id}".`);
    }
    const [node] = await this.present([row], user);
    return node as DeadLetterType;
  }

  async groups(
    query: Pick<DeadLetterQuery, 'automation' | 'status' | 'needsAction' | 'reprocessRequest' | 'teams'>,
    user: User | undefined,
    now = new Date(),
  ): Promise<DeadLetterGroupType[]> {
    const rows = await this.deadLetters.groups(query, now);
    const readers = await this.readers(
      rows.map((row) => row.automation_slug),
      user,
    );
    return rows.map((row) => {
      const reader = readers.get(row.automation_slug);
      const shown = (text: string) => (reader?.full === true ? text : maskMessage(text, reader?.sensitiveFields ?? []));
      return {
        fingerprint: row.fingerprint,
        automation: { slug: row.automation_slug, title: row.automation_title },
        errorClass: row.error_class,
        normalizedMessage: shown(row.normalized_message),
        sampleMessage: shown(row.sample_message),
        sourceKind: row.source_kind,
        sourceQueue: row.source_queue,
        total: row.total,
        pending: row.pending,
        matching: row.matching,
        firstSeen: new Date(row.first_seen),
        lastSeen: new Date(row.last_seen),
        trend: row.trend,
      };
    });
  }

  /** Per automation: whether `user` reads its payloads and error messages in full, and its sensitive fields. */
  private async readers(slugs: readonly string[], user: User | undefined): Promise<Map<string, { full: boolean; sensitiveFields: string[] }>> {
    const readers = new Map<string, { full: boolean; sensitiveFields: string[] }>();
    for (const slug of new Set(slugs)) {
      const { ownerTeam, sensitiveFields } = await this.deadLetters.payloadPolicy(slug);
      readers.set(slug, { full: grantsOnTeam(user, 'dead-letter:payload', ownerTeam), sensitiveFields });
    }
    return readers;
  }

  private async present(rows: readonly DeadLetterRow[], user: User | undefined): Promise<DeadLetterType[]> {
    // Operators and owners of the automation's team (and admins) read payloads and headers in full;
    // everyone else (viewers, other teams) reads them masked: sensitive fields and credentials.
    const fullReader = new Set<string>();
    const sensitive = new Map<string, string[]>();
    for (const slug of new Set(rows.map((r) => r.automation_slug))) {
      const { ownerTeam, sensitiveFields } = await this.deadLetters.payloadPolicy(slug);
      sensitive.set(slug, sensitiveFields);
      if (grantsOnTeam(user, 'dead-letter:payload', ownerTeam)) {
        fullReader.add(slug);
      }
    }
    return rows.map((row) => {
      const full = fullReader.has(row.automation_slug);
      const fields = sensitive.get(row.automation_slug) ?? [];
      const body = { bytes: row.body, contentType: row.content_type, contentEncoding: row.content_encoding };
      const view = viewOf(body);
      const shown = view.format === 'json' ? view.value : view.text;
      const { payload, masked: payloadMasked } = full ? { payload: shown, masked: false } : maskPayload(shown, fields);
      const { headers } = full ? { headers: row.headers } : maskHeaders(row.headers, fields);
      return {
        id: row.id,
        automation: { slug: row.automation_slug, title: row.automation_title },
        sourceKind: row.source_kind,
        sourceQueue: row.source_queue,
        messageId: row.message_id,
        fingerprint: row.fingerprint,
        errorClass: row.error_class,
        errorMessage: full ? row.error_message : maskMessage(row.error_message, fields),
        earlierErrors: row.earlier_errors.map((earlier) => ({
          errorClass: earlier.errorClass,
          errorMessage: full ? earlier.errorMessage : maskMessage(earlier.errorMessage, fields),
          until: new Date(earlier.until),
        })),
        attempts: row.attempts,
        deliveries: row.deliveries,
        firstFailedAt: new Date(row.first_failed_at),
        lastFailedAt: new Date(row.last_failed_at),
        status: row.status,
        correlationId: row.correlation_id,
        runId: row.run_id,
        payload: view.format === 'json' ? viewText(view, payload) : String(payload),
        payloadFormat: view.format,
        contentType: row.content_type,
        contentEncoding: row.content_encoding,
        bodyBytes: row.body.length,
        headers: JSON.stringify(headers, null, 2),
        payloadMasked,
        reprocessOf: row.reprocess_of,
      };
    });
  }
}
