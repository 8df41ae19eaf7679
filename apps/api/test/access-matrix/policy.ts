/**
 * Who may do what: the policy the access matrix (access-matrix.int.spec.ts) holds the api to,
 * written out by hand from the README's "Access control and audit" section. It is never computed
 * from the code it checks (permissions, decorators, personas): weaken a rule in a resolver or a
 * service and the matrix fails, because this table still says what the README promises.
 *
 * The callers are the dev personas, one per role:
 *   anonymous  nobody signed in
 *   viewer     Vera, on no team
 *   operator   Otto, on call for finance-ops
 *   owner      Omar, owner of finance-ops
 *   admin      Ada, on no team
 * and, for HTTP routes, runtime tokens (see RouteRow). Each is called on a target of its own team
 * (`own`: finance-ops) and of another team (`other`: order-ops); for people on no team both are
 * someone else's. A cell is the answer for both, or `{ own, other }`.
 *
 * Every query, mutation and route needs a row: the matrix fails for one without. An operation may
 * have more rows for particular targets, named `Mutation.updateAutomation (what is special)`.
 */

/** `held`: the mutation answers, but what it asks for waits for another person's approval (separation of duties). */
export type Answer = 'permitted' | 'refused' | 'held';
export type Cell = Answer | { own: Answer; other: Answer };

export interface PeopleRow {
  anonymous: Cell;
  viewer: Cell;
  operator: Cell;
  owner: Cell;
  admin: Cell;
}

/** A route is also called by runtime tokens; `runtime…` cells answer for them. */
export interface RouteRow extends PeopleRow {
  /** A token of the target's team with the capability the route needs (`capability`). */
  runtime: Cell;
  /** A token of the target's team with every capability but that one. */
  runtimeWithout: Cell;
  /** A token of another team with the capability. */
  otherTeamRuntime: Cell;
  /**
   * A token of another team with the capability, naming the target's automation: it named it when
   * its team owned it, and the automation has moved to the target's team since.
   */
  movedAwayRuntime: Cell;
  /** What a runtime token must be allowed to do here; routes for people or for anyone need none. */
  capability?: 'ingest' | 'dead_letters' | 'commands' | 'catalog_read';
  /** Taking effect leaves an entry in the audit trail (and being refused, none). */
  audited?: true;
}

const P = 'permitted';
const R = 'refused';
const HELD = 'held';
/** On the caller's own team's targets only. */
const OWN = { own: P, other: R } as const;
/** No runtime token opens it: it is for people. */
const NO_RUNTIME = { runtime: R, runtimeWithout: R, otherTeamRuntime: R, movedAwayRuntime: R } as const;
/** Open to anyone, runtimes included. */
const ANY_RUNTIME = { runtime: P, runtimeWithout: P, otherTeamRuntime: P, movedAwayRuntime: P } as const;
/** Not for people: only runtime tokens open it. */
const PEOPLE_REFUSED = { anonymous: R, viewer: R, operator: R, owner: R, admin: R } as const;

/** GraphQL queries and mutations. Mutations carried out are audited; refused ones leave no entry. */
export const OPERATIONS: Readonly<Record<string, PeopleRow>> = {
  // Reading the catalog, dashboards, runs, KPIs, SLOs, alerts and dead letters (payloads masked): everyone signed in.
  'Query.viewer': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.teams': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.automationFacets': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.automations': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.automation': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.exportAutomation': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.dashboards': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.dashboard': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.automationKpis': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.kpiTrend': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.automationSlos': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.alerts': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.runs': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.automationHealth': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.dataFreshness': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.trail': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.trailSteps': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.deadLetters': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.deadLetter': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.deadLetterGroups': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.deadLetterRetentionWarnings': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.reprocessPreview': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.reprocessRequest': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.reprocessRequests': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },
  'Query.approvals': { anonymous: R, viewer: P, operator: P, owner: P, admin: P },

  // Quarantined events: owners of the team (operators do not read them), admins all.
  'Query.quarantine': { anonymous: R, viewer: R, operator: R, owner: OWN, admin: P },

  // The audit trail: operators and owners their teams' entries, admins all; viewers none.
  'Query.auditEntries': { anonymous: R, viewer: R, operator: OWN, owner: OWN, admin: P },
  'Query.auditActions': { anonymous: R, viewer: R, operator: P, owner: P, admin: P },

  // Registering and editing automations: owners of the team, admins any.
  'Mutation.registerAutomation': { anonymous: R, viewer: R, operator: R, owner: OWN, admin: P },
  'Mutation.updateAutomation': { anonymous: R, viewer: R, operator: R, owner: OWN, admin: P },
  'Mutation.archiveAutomation': { anonymous: R, viewer: R, operator: R, owner: OWN, admin: P },
  // Separation of duties survives moves: an automation touching a risk domain that needs approval
  // moves to another team, or loses such a risk domain, only once another owner of its team approves.
  // Owners may move automations only to teams they own (Omar owns finance-ops alone); an admin's move waits.
  'Mutation.updateAutomation (moving a risk-domain automation to another team)': { anonymous: R, viewer: R, operator: R, owner: R, admin: HELD },
  'Mutation.updateAutomation (taking a risk domain away)': { anonymous: R, viewer: R, operator: R, owner: { own: HELD, other: R }, admin: HELD },

  // Runtime tokens: owners of the team, admins any.
  'Query.runtimeTokens': { anonymous: R, viewer: R, operator: R, owner: OWN, admin: P },
  'Mutation.createRuntimeToken': { anonymous: R, viewer: R, operator: R, owner: OWN, admin: P },
  'Mutation.rotateRuntimeToken': { anonymous: R, viewer: R, operator: R, owner: OWN, admin: P },
  'Mutation.revokeRuntimeToken': { anonymous: R, viewer: R, operator: R, owner: OWN, admin: P },

  // Reprocessing and discarding dead letters, and acknowledging alerts: on call or owning the team, admins any.
  'Mutation.startReprocess': { anonymous: R, viewer: R, operator: OWN, owner: OWN, admin: P },
  'Mutation.pauseReprocess': { anonymous: R, viewer: R, operator: OWN, owner: OWN, admin: P },
  'Mutation.resumeReprocess': { anonymous: R, viewer: R, operator: OWN, owner: OWN, admin: P },
  'Mutation.cancelReprocess': { anonymous: R, viewer: R, operator: OWN, owner: OWN, admin: P },
  'Mutation.continueReprocessCanary': { anonymous: R, viewer: R, operator: OWN, owner: OWN, admin: P },
  'Mutation.acknowledgeAlert': { anonymous: R, viewer: R, operator: OWN, owner: OWN, admin: P },

  // Separation of duties: the team decides, so an admin only when on it (Ada is on no team).
  // Someone else's reprocess request: approved or rejected by people on call for or owning the team.
  'Mutation.approveReprocess': { anonymous: R, viewer: R, operator: OWN, owner: OWN, admin: R },
  'Mutation.rejectReprocess': { anonymous: R, viewer: R, operator: OWN, owner: OWN, admin: R },
  // A request asked for while its automation belonged to the other team, the automation moved to the
  // target's team since: the approver must be on its team as it was requested and as it is, so no one.
  'Mutation.approveReprocess (its automation moved to the target’s team after the request)': { anonymous: R, viewer: R, operator: R, owner: R, admin: R },
  // A change to a production automation's SLOs, asked for by someone else: approved by an owner of the team.
  'Mutation.approveAutomationChange': { anonymous: R, viewer: R, operator: R, owner: OWN, admin: R },
  // One the admin asked for: rejected by an owner of the team, or withdrawn by the admin.
  'Mutation.rejectAutomationChange': { anonymous: R, viewer: R, operator: R, owner: OWN, admin: P },
};

/** HTTP routes. */
export const ROUTES: Readonly<Record<string, RouteRow>> = {
  // Runtimes report, and take and acknowledge reprocess commands, for automations their team owns now.
  'HTTP IngestController.events': { ...PEOPLE_REFUSED, runtime: P, runtimeWithout: R, otherTeamRuntime: R, movedAwayRuntime: R, capability: 'ingest' },
  'HTTP IngestController.eventsV2': { ...PEOPLE_REFUSED, runtime: P, runtimeWithout: R, otherTeamRuntime: R, movedAwayRuntime: R, capability: 'ingest' },
  'HTTP OtlpController.traces': { ...PEOPLE_REFUSED, runtime: P, runtimeWithout: R, otherTeamRuntime: R, movedAwayRuntime: R, capability: 'ingest' },
  'HTTP ReprocessCommandsController.claim': { ...PEOPLE_REFUSED, runtime: P, runtimeWithout: R, otherTeamRuntime: R, movedAwayRuntime: R, capability: 'commands', audited: true },
  'HTTP ReprocessCommandsController.ack': { ...PEOPLE_REFUSED, runtime: P, runtimeWithout: R, otherTeamRuntime: R, movedAwayRuntime: R, capability: 'commands', audited: true },

  // Backstage reads every automation with a catalog_read token, whichever team it was made for: the
  // whole catalog, as any signed-in person may read it. People read the catalog in the console.
  'HTTP BackstageEntitiesController.entitiesYaml': { ...PEOPLE_REFUSED, runtime: P, runtimeWithout: R, otherTeamRuntime: P, movedAwayRuntime: P, capability: 'catalog_read' },

  // The audit trail as CSV: as the audit trail.
  'HTTP AuditExportController.export': { anonymous: R, viewer: R, operator: OWN, owner: OWN, admin: P, ...NO_RUNTIME },

  // Open to anyone: health, metrics (here, outside production without ROUNDHOUSE_METRICS_TOKEN), and signing in and out.
  'HTTP ProbesController.healthz': { anonymous: P, viewer: P, operator: P, owner: P, admin: P, ...ANY_RUNTIME },
  'HTTP ProbesController.readyz': { anonymous: P, viewer: P, operator: P, owner: P, admin: P, ...ANY_RUNTIME },
  'HTTP MetricsController.scrape': { anonymous: P, viewer: P, operator: P, owner: P, admin: P, ...ANY_RUNTIME },
  'HTTP AuthController.session': { anonymous: P, viewer: P, operator: P, owner: P, admin: P, ...ANY_RUNTIME },
  'HTTP AuthController.devSignIn': { anonymous: P, viewer: P, operator: P, owner: P, admin: P, ...ANY_RUNTIME },
  'HTTP AuthController.signIn': { anonymous: P, viewer: P, operator: P, owner: P, admin: P, ...ANY_RUNTIME },
  'HTTP OidcController.start': { anonymous: P, viewer: P, operator: P, owner: P, admin: P, ...ANY_RUNTIME },
  'HTTP OidcController.callback': { anonymous: P, viewer: P, operator: P, owner: P, admin: P, ...ANY_RUNTIME },
  'HTTP AuthController.signOut': { anonymous: P, viewer: P, operator: P, owner: P, admin: P, ...ANY_RUNTIME },
};

/** The answer a row gives a caller on its own team's target or another's. */
export function answerOf(cell: Cell, onOwnTeam: boolean): Answer {
  return typeof cell === 'string' ? cell : onOwnTeam ? cell.own : cell.other;
}
