import { Injectable } from '@nestjs/common';
import type { IngestOutcome } from '@roundhouse/contracts';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** A table kept by day, as the partition gauges show it. */
export interface PartitionState {
  table: string;
  defaultRows: number;
  daysAhead: number;
}

/** The api's own Prometheus metrics. One registry per app instance. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  private readonly ingestEvents = new Counter({
    name: 'roundhouse_ingest_events_total',
    help: 'Ingest events by outcome (accepted, duplicate, quarantined, forbidden); rate() gives events/s.',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly requestSeconds = new Histogram({
    name: 'roundhouse_http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly reprocessMessages = new Counter({
    name: 'roundhouse_reprocess_messages_total',
    help: 'Reprocess dispatches by route (rabbitmq, bullmq, webhook, sdk, discard) and result (confirmed, offered, retry, rejected, unavailable).',
    labelNames: ['route', 'result'] as const,
    registers: [this.registry],
  });

  private readonly alertTransitions = new Counter({
    name: 'roundhouse_alert_transitions_total',
    help: 'SLO alerts fired and resolved by the evaluator.',
    labelNames: ['transition'] as const,
    registers: [this.registry],
  });

  private readonly alertNotifications = new Counter({
    name: 'roundhouse_alert_notifications_total',
    help: 'Alert webhook deliveries by result (sent, retry, failed).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly jobQueueDepth = new Gauge({
    name: 'roundhouse_job_queue_depth',
    help: 'Jobs waiting in each durable queue.',
    labelNames: ['queue'] as const,
    registers: [this.registry],
  });

  /** Reads the day partitions' state from the database at each scrape; set by the runs feature. */
  private partitionReader: (() => Promise<PartitionState[]>) | undefined;

  private readonly partitionDefaultRows = new Gauge({
    name: 'roundhouse_partition_default_rows',
    help: 'Rows waiting in the default partition of each table kept by day: none in normal operation.',
    labelNames: ['table'] as const,
    registers: [this.registry],
    collect: () => this.readPartitions(),
  });

  private readonly partitionDaysAhead = new Gauge({
    name: 'roundhouse_partition_days_ahead',
    help: 'Days after today (UTC) that have their partition in each table kept by day: 7 when the partition job runs, falling when it does not.',
    labelNames: ['table'] as const,
    registers: [this.registry],
    collect: () => this.readPartitions(),
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'roundhouse_' });
  }

  countIngest(outcome: IngestOutcome, count: number): void {
    if (count > 0) {
      this.ingestEvents.inc({ outcome }, count);
    }
  }

  countReprocess(route: string, result: 'confirmed' | 'offered' | 'retry' | 'rejected' | 'unavailable', count: number): void {
    if (count > 0) {
      this.reprocessMessages.inc({ route, result }, count);
    }
  }

  recordAlertTransitions(fired: number, resolved: number): void {
    this.alertTransitions.inc({ transition: 'fired' }, fired);
    this.alertTransitions.inc({ transition: 'resolved' }, resolved);
  }

  countAlertNotification(result: 'sent' | 'retry' | 'failed'): void {
    this.alertNotifications.inc({ result });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requestSeconds.observe({ method, route, status: String(status) }, seconds);
  }

  /** Where the partition gauges read from at each scrape. */
  watchPartitions(read: () => Promise<PartitionState[]>): void {
    this.partitionReader = read;
  }

  /** The read in flight: both gauges' collects in one scrape share it. */
  private partitionRead: Promise<void> | undefined;

  private readPartitions(): Promise<void> {
    this.partitionRead ??= this.refreshPartitions().finally(() => {
      this.partitionRead = undefined;
    });
    return this.partitionRead;
  }

  private async refreshPartitions(): Promise<void> {
    // A scrape while the database is away shows no value rather than failing the whole scrape, nor
    // the values of an earlier scrape (a days-ahead of 7 kept from before would hide the outage).
    const states = await this.partitionReader?.().catch(() => undefined);
    this.partitionDefaultRows.reset();
    this.partitionDaysAhead.reset();
    for (const state of states ?? []) {
      this.partitionDefaultRows.set({ table: state.table }, state.defaultRows);
      this.partitionDaysAhead.set({ table: state.table }, state.daysAhead);
    }
  }
}
