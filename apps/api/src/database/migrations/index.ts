import { CreateCatalog1795766400000 } from './1795766400000-CreateCatalog.js';
import { CreateTelemetry1795770000000 } from './1795770000000-CreateTelemetry.js';
import { CreateDeadLetters1795773600000 } from './1795773600000-CreateDeadLetters.js';
import { IndexPendingDeadLettersByGroup1795777200000 } from './1795777200000-IndexPendingDeadLettersByGroup.js';
import { CreateReprocessing1795780800000 } from './1795780800000-CreateReprocessing.js';
import { CreateAlerts1795784400000 } from './1795784400000-CreateAlerts.js';
import { CreateDashboards1795788000000 } from './1795788000000-CreateDashboards.js';
import { CreateHourlyRollups1795791600000 } from './1795791600000-CreateHourlyRollups.js';
import { AppendOnlyAudit1795795200000 } from './1795795200000-AppendOnlyAudit.js';
import { CreateUserAccounts1795798800000 } from './1795798800000-CreateUserAccounts.js';
import { RuntimeTokenLifecycle1795802400000 } from './1795802400000-RuntimeTokenLifecycle.js';
import { CreateApprovals1795806000000 } from './1795806000000-CreateApprovals.js';
import { CreateUserSessions1795809600000 } from './1795809600000-CreateUserSessions.js';
import { RuntimeTokenCoverage1795816800000 } from './1795816800000-RuntimeTokenCoverage.js';
import { StampAuditEntries1795820400000 } from './1795820400000-StampAuditEntries.js';
import { IndexRunsByFinish1795821000000 } from './1795821000000-IndexRunsByFinish.js';
import { SnapshotRequestedAutomations1795824000000 } from './1795824000000-SnapshotRequestedAutomations.js';
import { KeepDeadLetterBodies1795827600000 } from './1795827600000-KeepDeadLetterBodies.js';
import { CreateBackstageOrg1795831200000 } from './1795831200000-CreateBackstageOrg.js';
import { CreateRunSteps1795834800000 } from './1795834800000-CreateRunSteps.js';
import { CountRunsAtLatencyThresholds1795838400000 } from './1795838400000-CountRunsAtLatencyThresholds.js';
import { AutomationAnnotations1795842000000 } from './1795842000000-AutomationAnnotations.js';
import { KeepEarlierDeadLetterErrors1795850000000 } from './1795850000000-KeepEarlierDeadLetterErrors.js';
import { StageReprocessCanary1795860000000 } from './1795860000000-StageReprocessCanary.js';
import { AllowCatalogReadTokens1795870000000 } from './1795870000000-AllowCatalogReadTokens.js';
import { RouteByRuntimeKind1795880000000 } from './1795880000000-RouteByRuntimeKind.js';
import { KeepSessionIdTokens1795900000000 } from './1795900000000-KeepSessionIdTokens.js';
import { CreateRateLimitWindows1795940000000 } from './1795940000000-CreateRateLimitWindows.js';
import { PartitionRunsByDay1795970000000 } from './1795970000000-PartitionRunsByDay.js';
import { KeyRunEventsByPhase1795980000000 } from './1795980000000-KeyRunEventsByPhase.js';
import { NotifySessionAndCatalogChanges1796000000000 } from './1796000000000-NotifySessionAndCatalogChanges.js';
import { StoreDeadLetterSearch1796040000000 } from './1796040000000-StoreDeadLetterSearch.js';
import { PartitionIngestEventsByDay1796050000000 } from './1796050000000-PartitionIngestEventsByDay.js';
import { ReadInFlightFromLedger1796080000000 } from './1796080000000-ReadInFlightFromLedger.js';
import { OrderReprocessIdsByTime1796080001000 } from './1796080001000-OrderReprocessIdsByTime.js';
import { CreateDailyRollups1796100000000 } from './1796100000000-CreateDailyRollups.js';
import { CheckLedgerParentsPerStatement1796110000000 } from './1796110000000-CheckLedgerParentsPerStatement.js';
import { CutRollupWindowsInOnePlace1796120000000 } from './1796120000000-CutRollupWindowsInOnePlace.js';
import { PlanKpiStatementsOnce1796121000000 } from './1796121000000-PlanKpiStatementsOnce.js';
import { CheckLedgerRouteShapeWithoutRepeat1796130000000 } from './1796130000000-CheckLedgerRouteShapeWithoutRepeat.js';
import { KeyReprocessIdsPerSnapshot1796130001000 } from './1796130001000-KeyReprocessIdsPerSnapshot.js';

/** Every migration, oldest first. A new migration is added here. */
export const migrations = [
  CreateCatalog1795766400000,
  CreateTelemetry1795770000000,
  CreateDeadLetters1795773600000,
  IndexPendingDeadLettersByGroup1795777200000,
  CreateReprocessing1795780800000,
  CreateAlerts1795784400000,
  CreateDashboards1795788000000,
  CreateHourlyRollups1795791600000,
  AppendOnlyAudit1795795200000,
  CreateUserAccounts1795798800000,
  RuntimeTokenLifecycle1795802400000,
  CreateApprovals1795806000000,
  CreateUserSessions1795809600000,
  RuntimeTokenCoverage1795816800000,
  StampAuditEntries1795820400000,
  IndexRunsByFinish1795821000000,
  SnapshotRequestedAutomations1795824000000,
  KeepDeadLetterBodies1795827600000,
  CreateBackstageOrg1795831200000,
  CreateRunSteps1795834800000,
  CountRunsAtLatencyThresholds1795838400000,
  AutomationAnnotations1795842000000,
  KeepEarlierDeadLetterErrors1795850000000,
  StageReprocessCanary1795860000000,
  AllowCatalogReadTokens1795870000000,
  RouteByRuntimeKind1795880000000,
  KeepSessionIdTokens1795900000000,
  CreateRateLimitWindows1795940000000,
  PartitionRunsByDay1795970000000,
  KeyRunEventsByPhase1795980000000,
  NotifySessionAndCatalogChanges1796000000000,
  StoreDeadLetterSearch1796040000000,
  PartitionIngestEventsByDay1796050000000,
  ReadInFlightFromLedger1796080000000,
  OrderReprocessIdsByTime1796080001000,
  CreateDailyRollups1796100000000,
  CheckLedgerParentsPerStatement1796110000000,
  CutRollupWindowsInOnePlace1796120000000,
  PlanKpiStatementsOnce1796121000000,
  CheckLedgerRouteShapeWithoutRepeat1796130000000,
  KeyReprocessIdsPerSnapshot1796130001000,
];
