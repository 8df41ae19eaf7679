import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { stringifyCatalogEntity, TEAM_API_VERSION, type CatalogNote, type CatalogProblem } from '@roundhouse/contracts';
import type { Team } from '../teams/index.js';
import { SYSTEM_ACTOR, AuditService, type AuditActor } from '../audit/index.js';
import { dutiesChanges, wordList } from '../approval-policy/index.js';
import { WaitingApprovals } from '../automation-changes/index.js';
import { definitionToYaml, AutomationsService } from '../automations/index.js';
import { TokenCoverage } from '../tokens/index.js';
import { clashFound, SERVICE_NAME_ALLOWED, serviceNameClashes, type ServiceNameBinding } from '../otlp/index.js';
import { RuntimeBindingCheck } from '../runtimes/index.js';
import { CatalogInvalidError } from './catalog.errors.js';
import { loadCatalog, type LoadedCatalog } from './catalog-loader.js';
import { CatalogRepository, type ApplySummary } from './catalog.repository.js';

/** A team stored before teams kept their file's entity, as a Roundhouse Team that reads back the same. */
function teamV1Of(team: Team): object {
  const spec = {
    ...(team.email === null ? {} : { email: team.email }),
    ...(team.slack === null ? {} : { slack: team.slack }),
    ...(team.onCall === null ? {} : { onCall: team.onCall }),
    members: team.members,
  };
  return {
    apiVersion: TEAM_API_VERSION,
    kind: 'Team',
    metadata: { name: team.name, title: team.title, ...(team.description === null ? {} : { description: team.description }) },
    spec,
  };
}

/** What this instance refuses in the runtime bindings of catalog files, asked of each binding's kind (RuntimeBindingCheck). */
function bindingProblems(automations: LoadedCatalog['automations'], check: RuntimeBindingCheck): CatalogProblem[] {
  return automations.flatMap((a) =>
    check.problems(a.value.runtime).map((problem) => ({
      file: a.file,
      line: a.lineAt(['spec', 'runtime', problem.field]),
      field: `spec.runtime.${problem.field}`,
      found: problem.found,
      allowed: problem.allowed,
    })),
  );
}

/**
 * Automations of the files whose binding names a service.name another automation's names (in the
 * files, or `registered`: console-registered ones the apply keeps): OTLP spans from it would be ambiguous.
 */
function serviceNameProblems(automations: LoadedCatalog['automations'], registered: readonly ServiceNameBinding[] = []): CatalogProblem[] {
  const clashes = serviceNameClashes([...automations.map((a) => ({ slug: a.value.slug, serviceName: a.value.runtime?.serviceName })), ...registered]);
  return automations.flatMap((a) => {
    const clash = clashes.find((c) => c.serviceName === a.value.runtime?.serviceName);
    return clash === undefined
      ? []
      : [{ file: a.file, line: a.lineAt(['spec', 'runtime', 'serviceName']), field: 'spec.runtime.serviceName', found: clashFound(clash), allowed: SERVICE_NAME_ALLOWED }];
  });
}

export interface CatalogValidation {
  problems: CatalogProblem[];
  notes: CatalogNote[];
  teams: number;
  people: number;
  systems: number;
  automations: number;
  files: number;
}

/** Catalog as code: validate the files, apply them whole or not at all, export back to YAML. */
@Injectable()
export class CatalogService {
  constructor(
    @Inject(CatalogRepository) private readonly catalog: CatalogRepository,
    @Inject(AutomationsService) private readonly automations: AutomationsService,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(TokenCoverage) private readonly tokenCoverage: TokenCoverage,
    @Inject(WaitingApprovals) private readonly waiting: WaitingApprovals,
    @Inject(RuntimeBindingCheck) private readonly bindings: RuntimeBindingCheck,
  ) {}

  /**
   * Problems in the files alone; needs no database. `bindings` holds this instance's rules for
   * runtime bindings (the names catalogs may use, the addresses webhooks may reach).
   */
  static async validate(dir: string, root: string, bindings: RuntimeBindingCheck): Promise<CatalogValidation> {
    const loaded = await loadCatalog(dir, root);
    const problems = [...loaded.problems, ...bindingProblems(loaded.automations, bindings), ...serviceNameProblems(loaded.automations)];
    return {
      problems,
      notes: loaded.notes,
      teams: loaded.teams.length,
      people: loaded.people.length,
      systems: loaded.systems.length,
      automations: loaded.automations.length,
      files: loaded.fileCount,
    };
  }

  /**
   * Applies the catalog in one transaction, or throws CatalogInvalidError and changes nothing. An
   * apply that changed something leaves one `catalog.applied` entry by `actor` (Roundhouse at
   * start-up, or the command line) naming what it created, updated and archived; an automation
   * that moved to another team leaves the old team's runtime tokens (TokenCoverage).
   *
   * Files are reviewed in Git (the pull request is the second person), so a move or a change of risk
   * domains applies here without the Approvals inbox; each is an `automation.updated` entry of its
   * own with before and after, and what waited for approval on that automation is set aside
   * (WaitingApprovals).
   */
  async apply(dir: string, root: string, actor: AuditActor = SYSTEM_ACTOR): Promise<ApplySummary & { notes: CatalogNote[] }> {
    const loaded = await loadCatalog(dir, root);
    const taken = new Set(await this.catalog.consoleSlugs(loaded.automations.map((a) => a.value.slug)));
    const serviceNames = loaded.automations.flatMap((a) => (a.value.runtime?.serviceName === undefined ? [] : [a.value.runtime.serviceName]));
    const registered = (await this.catalog.consoleServiceNames(serviceNames)).filter((r) => !taken.has(r.slug));
    const problems = [
      ...loaded.problems,
      ...bindingProblems(loaded.automations, this.bindings),
      ...serviceNameProblems(loaded.automations, registered),
      ...loaded.automations
        .filter((a) => taken.has(a.value.slug))
        .map((a) => ({
          file: a.file,
          line: a.lineAt(['metadata', 'name']),
          field: 'metadata.name',
          found: `"${a.value.slug}", which was registered in the console`,
          allowed: 'a slug no console-registered automation uses (archive or export that one first)',
        })),
    ];
    if (problems.length > 0) {
      throw new CatalogInvalidError(problems);
    }
    const summary = await this.catalog.apply(loaded, async (tx, changes) => {
      await this.audit.record(
        {
          actor,
          action: 'catalog.applied',
          target: { kind: 'catalog', id: path.relative(root, dir) || '.' },
          automations: [...changes.automations.created, ...changes.automations.updated, ...changes.automations.restored, ...changes.automations.archived],
          teams: [...changes.teams.created, ...changes.teams.updated, ...changes.teams.restored, ...changes.teams.archived],
          detail: { ...changes },
        },
        tx,
      );
      await this.tokenCoverage.automationsMoved(tx, changes.moved, actor);
      for (const shift of changes.shifted) {
        await this.audit.record(
          {
            actor,
            action: 'automation.updated',
            target: { kind: 'automation', id: shift.slug },
            automations: [shift.slug],
            teams: [...new Set([shift.before.ownerTeam, shift.after.ownerTeam])],
            reason: `${wordList(dutiesChanges(shift.slug, shift.before, shift.after))} by a catalog apply of ${shift.file} (reviewed in Git, not in the Approvals inbox).`,
            before: shift.before,
            after: shift.after,
            detail: { source: 'catalog', file: shift.file },
          },
          tx,
        );
      }
      await this.waiting.automationsChanged(tx, changes.shifted, actor);
    });
    return { ...summary, notes: loaded.notes };
  }

  /**
   * The whole catalog as a folder, by relative path: teams (each as the Team or Group it was read
   * from), people, Systems and Domains, automations, and each runbook file once at the path the
   * automations name. Applied to an empty database it exports again byte for byte.
   */
  async exportFolder(): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    const { teams, people, systems } = await this.catalog.listForExport();
    for (const team of teams) {
      files.set(`teams/${team.name}.yaml`, stringifyCatalogEntity(team.definition ?? teamV1Of(team)));
    }
    for (const person of people) {
      files.set(`people/${person.name}.yaml`, stringifyCatalogEntity(person.definition));
    }
    for (const system of systems) {
      files.set(`${system.kind === 'System' ? 'systems' : 'domains'}/${system.name}.yaml`, stringifyCatalogEntity(system.definition));
    }
    for (const automation of await this.automations.listForExport()) {
      files.set(`automations/${automation.slug}.yaml`, definitionToYaml(automation, { runbookFiles: true }));
      for (const runbook of automation.runbooks) {
        if (runbook.path !== undefined) {
          files.set(runbook.path, runbook.markdown);
        }
      }
    }
    return new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  /** Every automation (or the given ones) as catalog YAML, by slug. */
  async export(slugs?: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.automations.listForExport(slugs);
    return new Map(rows.map((row) => [row.slug, definitionToYaml(row)]));
  }
}
