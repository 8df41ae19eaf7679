/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation AcknowledgeAlert($id: ID!, $note: String) {\n    acknowledgeAlert(id: $id, note: $note) {\n      ...AlertFields\n    }\n  }\n": typeof types.AcknowledgeAlertDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    automation\n    automationTitle\n    slo\n    sloTitle\n    rule\n    severity\n    state\n    summary\n    firedAt\n    acknowledgedAt\n    acknowledgedBy\n    resolvedAt\n    acknowledgeBlockedReason\n    runbook {\n      id\n      title\n    }\n    events {\n      at\n      kind\n      actor\n      detail\n    }\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  query Alerts($automation: String, $state: [AlertState!], $teams: [String!], $first: Int!) {\n    alerts(automation: $automation, state: $state, teams: $teams, first: $first) {\n      ...AlertFields\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  fragment AutomationChangeItem on AutomationChange {\n    id\n    state\n    ownerTeam\n    automation {\n      slug\n      title\n    }\n    requestedBy {\n      id\n      name\n    }\n    requestedAt\n    sloChanges\n    changes\n    decidedBy {\n      id\n      name\n    }\n    decidedAt\n    reason\n    canDecide\n    decideBlockedReason\n    canReject\n  }\n": typeof types.AutomationChangeItemFragmentDoc,
    "\n  query Approvals {\n    approvals {\n      waitingForYou\n      reprocessRequests {\n        ...ReprocessRequestSummary\n      }\n      automationChanges {\n        ...AutomationChangeItem\n      }\n    }\n  }\n": typeof types.ApprovalsDocument,
    "\n  mutation ApproveAutomationChange($id: ID!, $note: String) {\n    approveAutomationChange(id: $id, note: $note) {\n      ...AutomationChangeItem\n    }\n  }\n": typeof types.ApproveAutomationChangeDocument,
    "\n  mutation RejectAutomationChange($id: ID!, $reason: String!) {\n    rejectAutomationChange(id: $id, reason: $reason) {\n      ...AutomationChangeItem\n    }\n  }\n": typeof types.RejectAutomationChangeDocument,
    "\n  query AuditActions {\n    auditActions\n  }\n": typeof types.AuditActionsDocument,
    "\n  query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEntries(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          at\n          actor {\n            id\n            name\n          }\n          actorKind\n          action\n          targetKind\n          targetId\n          automations\n          teams\n          reason\n          before\n          after\n          detail\n        }\n      }\n    }\n  }\n": typeof types.AuditEntriesDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      teams\n      canRegister\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  query AutomationPendingChange($slug: String!) {\n    automation(slug: $slug) {\n      slug\n      pendingChange {\n        ...AutomationChangeItem\n      }\n    }\n  }\n": typeof types.AutomationPendingChangeDocument,
    "\n  mutation RegisterAutomation($input: AutomationInput!) {\n    registerAutomation(input: $input) {\n      ...AutomationDetail\n    }\n  }\n": typeof types.RegisterAutomationDocument,
    "\n  mutation UpdateAutomation($slug: String!, $input: AutomationInput!) {\n    updateAutomation(slug: $slug, input: $input) {\n      ...AutomationDetail\n      pendingChange {\n        ...AutomationChangeItem\n      }\n    }\n  }\n": typeof types.UpdateAutomationDocument,
    "\n  mutation ArchiveAutomation($slug: String!) {\n    archiveAutomation(slug: $slug) {\n      ...AutomationDetail\n    }\n  }\n": typeof types.ArchiveAutomationDocument,
    "\n  fragment AutomationDetail on Automation {\n    slug\n    title\n    description\n    type\n    lifecycle\n    owner {\n      name\n      title\n    }\n    onCall {\n      name\n      email\n      slack\n      schedule\n    }\n    systems\n    riskDomains\n    tags\n    links {\n      title\n      url\n      type\n    }\n    annotations {\n      key\n      value\n      label\n      url\n    }\n    labels {\n      key\n      value\n    }\n    system\n    runtime {\n      kind\n      queue\n      deadLetterQueue\n      exchange\n      routingKey\n      stream\n      consumer\n      subject\n      serviceName\n      reprocessUrl\n      signingSecret\n      connection\n    }\n    slos {\n      name\n      title\n      indicator\n      objective\n      threshold\n      percentile\n      maxBacklog\n      window\n      runbook\n    }\n    kpis {\n      name\n      title\n      unit\n      direction\n      source\n      baseline {\n        value\n        from\n        to\n        note\n      }\n      target\n      currency\n      money\n      minutesPerTouch\n    }\n    runbooks {\n      id\n      title\n      markdown\n      path\n    }\n    releases {\n      version\n      date\n      summary\n      why\n    }\n    source\n    sourceFile\n    archivedAt\n    createdAt\n    updatedAt\n    canEdit\n    editBlockedReason\n  }\n": typeof types.AutomationDetailFragmentDoc,
    "\n  query Automation($slug: String!) {\n    automation(slug: $slug) {\n      ...AutomationDetail\n    }\n  }\n": typeof types.AutomationDocument,
    "\n  query ExportAutomation($slug: String!) {\n    exportAutomation(slug: $slug)\n  }\n": typeof types.ExportAutomationDocument,
    "\n  query AutomationOptions($filter: AutomationFilter, $first: Int!) {\n    automations(filter: $filter, first: $first) {\n      edges {\n        node {\n          slug\n          title\n          owner {\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.AutomationOptionsDocument,
    "\n  fragment CatalogAutomation on Automation {\n    slug\n    title\n    type\n    lifecycle\n    riskDomains\n    tags\n    systems\n    source\n    archivedAt\n    owner {\n      name\n      title\n    }\n    onCall {\n      name\n      slack\n    }\n    status {\n      health\n      openAlerts\n      runsLast24h\n      failedLast24h\n    }\n  }\n": typeof types.CatalogAutomationFragmentDoc,
    "\n  query CatalogAutomations($filter: AutomationFilter, $first: Int!, $after: String) {\n    automations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CatalogAutomation\n        }\n      }\n    }\n  }\n": typeof types.CatalogAutomationsDocument,
    "\n  query CatalogFacets {\n    automationFacets {\n      tags\n      systems\n    }\n  }\n": typeof types.CatalogFacetsDocument,
    "\n  query AutomationKpis($slug: String!, $range: DateRangeInput) {\n    automationKpis(slug: $slug, range: $range) {\n      ...KpiReportFields\n    }\n  }\n": typeof types.AutomationKpisDocument,
    "\n  query Dashboard($name: String!, $range: DateRangeInput) {\n    dashboard(name: $name, range: $range) {\n      name\n      title\n      description\n      owner\n      path\n      defaultRange {\n        last\n        from\n        to\n      }\n      range {\n        start\n        end\n        days\n        label\n      }\n      panels {\n        kind\n        title\n        description\n        problem\n        kpi {\n          ...KpiReportFields\n        }\n        trend {\n          interval\n          kpi {\n            ...KpiReportFields\n          }\n          points {\n            at\n            value\n          }\n        }\n        slos {\n          automation\n          automationTitle\n          attainmentPercent\n          good\n          total\n          status {\n            ...SloStatusFields\n          }\n          openAlerts {\n            id\n            severity\n            state\n            summary\n          }\n        }\n        backlog {\n          automation\n          automationTitle\n          pending\n          oldestPendingSince\n          arrivedInRange\n          closedInRange\n        }\n        totals {\n          hoursSaved\n          hoursSavedItems {\n            automation\n            kpi\n            kpiTitle\n            touchesAvoidedPerDay\n            minutesPerTouch\n            days\n            hours\n          }\n          money {\n            currency\n            unit\n            kind\n            before\n            after\n            change\n            items {\n              automation\n              kpi\n              kpiTitle\n              currency\n              unit\n              kind\n              before\n              after\n              change\n            }\n          }\n          skipped {\n            automation\n            kpi\n            kpiTitle\n            reason\n          }\n        }\n      }\n    }\n  }\n": typeof types.DashboardDocument,
    "\n  query Dashboards {\n    dashboards {\n      name\n      title\n      description\n      owner\n      path\n      panelCount\n      defaultRange {\n        last\n        from\n        to\n      }\n    }\n  }\n": typeof types.DashboardsDocument,
    "\n  fragment KpiReportFields on KpiReport {\n    automation\n    automationTitle\n    name\n    title\n    unit\n    direction\n    source\n    currency\n    target\n    baseline\n    baselineNote\n    baselineFrom\n    baselineTo\n    after\n    coverage\n    partial\n    noData\n    delta\n    change\n    improvementPercent\n    progressPercent\n    progressDisplayPercent\n    targetReached\n    caveat\n    howComputed\n    range {\n      start\n      end\n      days\n      label\n    }\n  }\n": typeof types.KpiReportFieldsFragmentDoc,
    "\n  query DataFreshness {\n    dataFreshness {\n      fromReplica\n      behindSeconds\n      asOf\n      lagging\n    }\n  }\n": typeof types.DataFreshnessDocument,
    "\n  query DeadLetterGroups($automation: String, $status: DeadLetterStatus, $needsAction: Boolean, $reprocessRequest: ID, $teams: [String!]) {\n    deadLetterGroups(automation: $automation, status: $status, needsAction: $needsAction, reprocessRequest: $reprocessRequest, teams: $teams) {\n      fingerprint\n      automation {\n        slug\n        title\n      }\n      errorClass\n      normalizedMessage\n      sampleMessage\n      sourceKind\n      sourceQueue\n      total\n      pending\n      matching\n      firstSeen\n      lastSeen\n      trend\n    }\n  }\n": typeof types.DeadLetterGroupsDocument,
    "\n  query DeadLetter($id: ID!) {\n    deadLetter(id: $id) {\n      id\n      automation {\n        slug\n        title\n      }\n      sourceKind\n      sourceQueue\n      messageId\n      fingerprint\n      errorClass\n      errorMessage\n      earlierErrors {\n        errorClass\n        errorMessage\n        until\n      }\n      attempts\n      deliveries\n      firstFailedAt\n      lastFailedAt\n      status\n      correlationId\n      runId\n      payload\n      payloadFormat\n      contentType\n      contentEncoding\n      bodyBytes\n      headers\n      payloadMasked\n      reprocessOf\n      actions {\n        requestId\n        action\n        requestState\n        requestedBy\n        requestedAt\n        reason\n        route\n        state\n        reprocessId\n        attempts\n        lastError\n        dispatchedAt\n        acknowledgedAt\n        finishedAt\n        newDeadLetterId\n      }\n    }\n  }\n": typeof types.DeadLetterDocument,
    "\n  fragment DeadLetterRow on DeadLetter {\n    id\n    automation {\n      slug\n      title\n    }\n    fingerprint\n    errorClass\n    errorMessage\n    attempts\n    deliveries\n    lastFailedAt\n    status\n    correlationId\n  }\n": typeof types.DeadLetterRowFragmentDoc,
    "\n  query DeadLetters($filter: DeadLetterFilter, $first: Int!, $after: String) {\n    deadLetters(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...DeadLetterRow\n        }\n      }\n    }\n  }\n": typeof types.DeadLettersDocument,
    "\n  query RetentionWarnings($automation: String) {\n    deadLetterRetentionWarnings(automation: $automation) {\n      automation\n      sourceQueue\n      count\n      expiresAt\n      retention\n      message\n    }\n  }\n": typeof types.RetentionWarningsDocument,
    "\n  query AutomationHealth($slug: String!, $window: String!) {\n    automationHealth(slug: $slug, window: $window) {\n      slug\n      window\n      bucket\n      from\n      to\n      throughput\n      successRate\n      errorRate\n      retryRate\n      p50Ms\n      p95Ms\n      p99Ms\n      lastSuccessAt\n      lastHeartbeatAt\n      series {\n        at\n        throughput\n        succeeded\n        failed\n        deadLettered\n        retried\n        successRate\n        errorRate\n        retryRate\n        p50Ms\n        p95Ms\n        p99Ms\n      }\n    }\n  }\n": typeof types.AutomationHealthDocument,
    "\n  query Quarantine($automation: String, $first: Int!, $after: String) {\n    quarantine(automation: $automation, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          receivedAt\n          automation\n          eventType\n          reason\n          payload\n          tokenName\n        }\n      }\n    }\n  }\n": typeof types.QuarantineDocument,
    "\n  mutation ApproveReprocess($id: ID!, $note: String) {\n    approveReprocess(id: $id, note: $note) {\n      ...ReprocessRequestDetail\n    }\n  }\n": typeof types.ApproveReprocessDocument,
    "\n  mutation CancelReprocess($id: ID!, $reason: String) {\n    cancelReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n": typeof types.CancelReprocessDocument,
    "\n  mutation ContinueReprocessCanary($id: ID!, $reason: String) {\n    continueReprocessCanary(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n": typeof types.ContinueReprocessCanaryDocument,
    "\n  mutation PauseReprocess($id: ID!, $reason: String) {\n    pauseReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n": typeof types.PauseReprocessDocument,
    "\n  mutation RejectReprocess($id: ID!, $reason: String!) {\n    rejectReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n": typeof types.RejectReprocessDocument,
    "\n  query ReprocessPreview($action: ReprocessAction!, $selection: DeadLetterSelection!) {\n    reprocessPreview(action: $action, selection: $selection) {\n      action\n      count\n      blockedReason\n      approvalReasons\n      parts {\n        automation {\n          slug\n          title\n        }\n        sourceKind\n        route\n        destination\n        count\n        warning\n        allowed\n      }\n    }\n  }\n": typeof types.ReprocessPreviewDocument,
    "\n  fragment ReprocessRequestSummary on ReprocessRequest {\n    id\n    action\n    state\n    automations\n    selection\n    reason\n    requestedBy {\n      id\n      name\n    }\n    velocity\n    total\n    createdAt\n    updatedAt\n    finishedAt\n    waitingReason\n    canControl\n    canReject\n    approvalReasons\n    canDecide\n    decideBlockedReason\n    decision {\n      decision\n      by {\n        id\n        name\n      }\n      at\n      note\n    }\n    errorGroups {\n      automation\n      errorClass\n      count\n      sampleDeadLetterId\n      sampleMessageId\n      sampleError\n    }\n    progress {\n      queued\n      dispatched\n      acknowledged\n      succeeded\n      failed\n      cancelled\n    }\n    canary {\n      requestedCount\n      requestedPercent\n      maxFailureRate\n      size\n      stage\n      sent\n      awaiting\n      succeeded\n      failed\n      rest\n      decision {\n        outcome\n        reason\n        at\n        by {\n          id\n          name\n        }\n        succeeded\n        failed\n        awaiting\n      }\n    }\n  }\n": typeof types.ReprocessRequestSummaryFragmentDoc,
    "\n  fragment ReprocessRequestDetail on ReprocessRequest {\n    ...ReprocessRequestSummary\n    failedAgain\n    recentErrors {\n      deadLetterId\n      messageId\n      state\n      attempts\n      error\n    }\n  }\n": typeof types.ReprocessRequestDetailFragmentDoc,
    "\n  query ReprocessRequest($id: ID!) {\n    reprocessRequest(id: $id) {\n      ...ReprocessRequestDetail\n    }\n  }\n": typeof types.ReprocessRequestDocument,
    "\n  query ReprocessRequests($automation: String, $first: Int!, $after: String) {\n    reprocessRequests(automation: $automation, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ReprocessRequestSummary\n        }\n      }\n    }\n  }\n": typeof types.ReprocessRequestsDocument,
    "\n  mutation ResumeReprocess($id: ID!, $reason: String) {\n    resumeReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n": typeof types.ResumeReprocessDocument,
    "\n  mutation StartReprocess($input: StartReprocessInput!) {\n    startReprocess(input: $input) {\n      ...ReprocessRequestDetail\n    }\n  }\n": typeof types.StartReprocessDocument,
    "\n  fragment RunFields on Run {\n    automation {\n      slug\n      title\n    }\n    runId\n    attempt\n    correlationId\n    status\n    startedAt\n    finishedAt\n    durationMs\n    errorClass\n    errorMessage\n    manualTouch\n  }\n": typeof types.RunFieldsFragmentDoc,
    "\n  query Runs($filter: RunFilter, $first: Int!, $after: String) {\n    runs(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...RunFields\n        }\n      }\n    }\n  }\n": typeof types.RunsDocument,
    "\n  query AutomationSlos($slug: String!) {\n    automationSlos(slug: $slug) {\n      ...SloStatusFields\n    }\n  }\n": typeof types.AutomationSlosDocument,
    "\n  fragment SloStatusFields on SloStatus {\n    name\n    title\n    indicator\n    objective\n    window\n    state\n    attainedPercent\n    runbook {\n      id\n      title\n    }\n    errorBudget {\n      allowedBad\n      bad\n      good\n      total\n      consumedFraction\n      remainingFraction\n      overspent\n      noData\n    }\n    burnRates {\n      rule\n      severity\n      threshold\n      longWindow\n      shortWindow\n      longBurnRate\n      shortBurnRate\n      firing\n      budgetSpentInLongWindow\n    }\n    deadLetters {\n      pending\n      maxBacklog\n      headroom\n      oldestPendingSince\n      oldestAgeMs\n      thresholdMs\n      withinLimit\n    }\n    freshness {\n      ageMs\n      fresh\n      lastSuccessAt\n      thresholdMs\n    }\n  }\n": typeof types.SloStatusFieldsFragmentDoc,
    "\n  query TeamTree {\n    teams {\n      name\n      title\n      description\n      namespace\n      parent\n      automationCount\n      people {\n        name\n        displayName\n        email\n      }\n    }\n  }\n": typeof types.TeamTreeDocument,
    "\n  query Teams {\n    teams {\n      name\n      title\n      automationCount\n      onCall {\n        name\n        email\n        slack\n        schedule\n      }\n    }\n  }\n": typeof types.TeamsDocument,
    "\n  mutation CreateRuntimeToken($input: CreateRuntimeTokenInput!) {\n    createRuntimeToken(input: $input) {\n      secret\n      token {\n        ...RuntimeTokenFields\n      }\n    }\n  }\n": typeof types.CreateRuntimeTokenDocument,
    "\n  mutation RevokeRuntimeToken($id: ID!) {\n    revokeRuntimeToken(id: $id) {\n      ...RuntimeTokenFields\n    }\n  }\n": typeof types.RevokeRuntimeTokenDocument,
    "\n  mutation RotateRuntimeToken($id: ID!, $overlapHours: Int, $expiresInDays: Int) {\n    rotateRuntimeToken(id: $id, overlapHours: $overlapHours, expiresInDays: $expiresInDays) {\n      secret\n      token {\n        ...RuntimeTokenFields\n      }\n      replaced {\n        ...RuntimeTokenFields\n      }\n    }\n  }\n": typeof types.RotateRuntimeTokenDocument,
    "\n  fragment RuntimeTokenFields on RuntimeToken {\n    id\n    name\n    team\n    allAutomations\n    automations\n    capabilities\n    prefix\n    createdAt\n    createdBy\n    lastUsedAt\n    expiresAt\n    revokedAt\n    revokedBy\n    replaces\n    replacedBy\n    state\n  }\n": typeof types.RuntimeTokenFieldsFragmentDoc,
    "\n  query RuntimeTokens($team: String!) {\n    runtimeTokens(team: $team) {\n      ...RuntimeTokenFields\n    }\n  }\n": typeof types.RuntimeTokensDocument,
    "\n  query Trail($correlationId: String!) {\n    trail(correlationId: $correlationId) {\n      ...RunFields\n    }\n    trailSteps(correlationId: $correlationId) {\n      automation {\n        slug\n      }\n      stepId\n      runId\n      name\n      outcome\n      startedAt\n      durationMs\n      errorMessage\n    }\n  }\n": typeof types.TrailDocument,
};
const documents: Documents = {
    "\n  mutation AcknowledgeAlert($id: ID!, $note: String) {\n    acknowledgeAlert(id: $id, note: $note) {\n      ...AlertFields\n    }\n  }\n": types.AcknowledgeAlertDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    automation\n    automationTitle\n    slo\n    sloTitle\n    rule\n    severity\n    state\n    summary\n    firedAt\n    acknowledgedAt\n    acknowledgedBy\n    resolvedAt\n    acknowledgeBlockedReason\n    runbook {\n      id\n      title\n    }\n    events {\n      at\n      kind\n      actor\n      detail\n    }\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  query Alerts($automation: String, $state: [AlertState!], $teams: [String!], $first: Int!) {\n    alerts(automation: $automation, state: $state, teams: $teams, first: $first) {\n      ...AlertFields\n    }\n  }\n": types.AlertsDocument,
    "\n  fragment AutomationChangeItem on AutomationChange {\n    id\n    state\n    ownerTeam\n    automation {\n      slug\n      title\n    }\n    requestedBy {\n      id\n      name\n    }\n    requestedAt\n    sloChanges\n    changes\n    decidedBy {\n      id\n      name\n    }\n    decidedAt\n    reason\n    canDecide\n    decideBlockedReason\n    canReject\n  }\n": types.AutomationChangeItemFragmentDoc,
    "\n  query Approvals {\n    approvals {\n      waitingForYou\n      reprocessRequests {\n        ...ReprocessRequestSummary\n      }\n      automationChanges {\n        ...AutomationChangeItem\n      }\n    }\n  }\n": types.ApprovalsDocument,
    "\n  mutation ApproveAutomationChange($id: ID!, $note: String) {\n    approveAutomationChange(id: $id, note: $note) {\n      ...AutomationChangeItem\n    }\n  }\n": types.ApproveAutomationChangeDocument,
    "\n  mutation RejectAutomationChange($id: ID!, $reason: String!) {\n    rejectAutomationChange(id: $id, reason: $reason) {\n      ...AutomationChangeItem\n    }\n  }\n": types.RejectAutomationChangeDocument,
    "\n  query AuditActions {\n    auditActions\n  }\n": types.AuditActionsDocument,
    "\n  query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEntries(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          at\n          actor {\n            id\n            name\n          }\n          actorKind\n          action\n          targetKind\n          targetId\n          automations\n          teams\n          reason\n          before\n          after\n          detail\n        }\n      }\n    }\n  }\n": types.AuditEntriesDocument,
    "\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      teams\n      canRegister\n    }\n  }\n": types.ViewerDocument,
    "\n  query AutomationPendingChange($slug: String!) {\n    automation(slug: $slug) {\n      slug\n      pendingChange {\n        ...AutomationChangeItem\n      }\n    }\n  }\n": types.AutomationPendingChangeDocument,
    "\n  mutation RegisterAutomation($input: AutomationInput!) {\n    registerAutomation(input: $input) {\n      ...AutomationDetail\n    }\n  }\n": types.RegisterAutomationDocument,
    "\n  mutation UpdateAutomation($slug: String!, $input: AutomationInput!) {\n    updateAutomation(slug: $slug, input: $input) {\n      ...AutomationDetail\n      pendingChange {\n        ...AutomationChangeItem\n      }\n    }\n  }\n": types.UpdateAutomationDocument,
    "\n  mutation ArchiveAutomation($slug: String!) {\n    archiveAutomation(slug: $slug) {\n      ...AutomationDetail\n    }\n  }\n": types.ArchiveAutomationDocument,
    "\n  fragment AutomationDetail on Automation {\n    slug\n    title\n    description\n    type\n    lifecycle\n    owner {\n      name\n      title\n    }\n    onCall {\n      name\n      email\n      slack\n      schedule\n    }\n    systems\n    riskDomains\n    tags\n    links {\n      title\n      url\n      type\n    }\n    annotations {\n      key\n      value\n      label\n      url\n    }\n    labels {\n      key\n      value\n    }\n    system\n    runtime {\n      kind\n      queue\n      deadLetterQueue\n      exchange\n      routingKey\n      stream\n      consumer\n      subject\n      serviceName\n      reprocessUrl\n      signingSecret\n      connection\n    }\n    slos {\n      name\n      title\n      indicator\n      objective\n      threshold\n      percentile\n      maxBacklog\n      window\n      runbook\n    }\n    kpis {\n      name\n      title\n      unit\n      direction\n      source\n      baseline {\n        value\n        from\n        to\n        note\n      }\n      target\n      currency\n      money\n      minutesPerTouch\n    }\n    runbooks {\n      id\n      title\n      markdown\n      path\n    }\n    releases {\n      version\n      date\n      summary\n      why\n    }\n    source\n    sourceFile\n    archivedAt\n    createdAt\n    updatedAt\n    canEdit\n    editBlockedReason\n  }\n": types.AutomationDetailFragmentDoc,
    "\n  query Automation($slug: String!) {\n    automation(slug: $slug) {\n      ...AutomationDetail\n    }\n  }\n": types.AutomationDocument,
    "\n  query ExportAutomation($slug: String!) {\n    exportAutomation(slug: $slug)\n  }\n": types.ExportAutomationDocument,
    "\n  query AutomationOptions($filter: AutomationFilter, $first: Int!) {\n    automations(filter: $filter, first: $first) {\n      edges {\n        node {\n          slug\n          title\n          owner {\n            name\n          }\n        }\n      }\n    }\n  }\n": types.AutomationOptionsDocument,
    "\n  fragment CatalogAutomation on Automation {\n    slug\n    title\n    type\n    lifecycle\n    riskDomains\n    tags\n    systems\n    source\n    archivedAt\n    owner {\n      name\n      title\n    }\n    onCall {\n      name\n      slack\n    }\n    status {\n      health\n      openAlerts\n      runsLast24h\n      failedLast24h\n    }\n  }\n": types.CatalogAutomationFragmentDoc,
    "\n  query CatalogAutomations($filter: AutomationFilter, $first: Int!, $after: String) {\n    automations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CatalogAutomation\n        }\n      }\n    }\n  }\n": types.CatalogAutomationsDocument,
    "\n  query CatalogFacets {\n    automationFacets {\n      tags\n      systems\n    }\n  }\n": types.CatalogFacetsDocument,
    "\n  query AutomationKpis($slug: String!, $range: DateRangeInput) {\n    automationKpis(slug: $slug, range: $range) {\n      ...KpiReportFields\n    }\n  }\n": types.AutomationKpisDocument,
    "\n  query Dashboard($name: String!, $range: DateRangeInput) {\n    dashboard(name: $name, range: $range) {\n      name\n      title\n      description\n      owner\n      path\n      defaultRange {\n        last\n        from\n        to\n      }\n      range {\n        start\n        end\n        days\n        label\n      }\n      panels {\n        kind\n        title\n        description\n        problem\n        kpi {\n          ...KpiReportFields\n        }\n        trend {\n          interval\n          kpi {\n            ...KpiReportFields\n          }\n          points {\n            at\n            value\n          }\n        }\n        slos {\n          automation\n          automationTitle\n          attainmentPercent\n          good\n          total\n          status {\n            ...SloStatusFields\n          }\n          openAlerts {\n            id\n            severity\n            state\n            summary\n          }\n        }\n        backlog {\n          automation\n          automationTitle\n          pending\n          oldestPendingSince\n          arrivedInRange\n          closedInRange\n        }\n        totals {\n          hoursSaved\n          hoursSavedItems {\n            automation\n            kpi\n            kpiTitle\n            touchesAvoidedPerDay\n            minutesPerTouch\n            days\n            hours\n          }\n          money {\n            currency\n            unit\n            kind\n            before\n            after\n            change\n            items {\n              automation\n              kpi\n              kpiTitle\n              currency\n              unit\n              kind\n              before\n              after\n              change\n            }\n          }\n          skipped {\n            automation\n            kpi\n            kpiTitle\n            reason\n          }\n        }\n      }\n    }\n  }\n": types.DashboardDocument,
    "\n  query Dashboards {\n    dashboards {\n      name\n      title\n      description\n      owner\n      path\n      panelCount\n      defaultRange {\n        last\n        from\n        to\n      }\n    }\n  }\n": types.DashboardsDocument,
    "\n  fragment KpiReportFields on KpiReport {\n    automation\n    automationTitle\n    name\n    title\n    unit\n    direction\n    source\n    currency\n    target\n    baseline\n    baselineNote\n    baselineFrom\n    baselineTo\n    after\n    coverage\n    partial\n    noData\n    delta\n    change\n    improvementPercent\n    progressPercent\n    progressDisplayPercent\n    targetReached\n    caveat\n    howComputed\n    range {\n      start\n      end\n      days\n      label\n    }\n  }\n": types.KpiReportFieldsFragmentDoc,
    "\n  query DataFreshness {\n    dataFreshness {\n      fromReplica\n      behindSeconds\n      asOf\n      lagging\n    }\n  }\n": types.DataFreshnessDocument,
    "\n  query DeadLetterGroups($automation: String, $status: DeadLetterStatus, $needsAction: Boolean, $reprocessRequest: ID, $teams: [String!]) {\n    deadLetterGroups(automation: $automation, status: $status, needsAction: $needsAction, reprocessRequest: $reprocessRequest, teams: $teams) {\n      fingerprint\n      automation {\n        slug\n        title\n      }\n      errorClass\n      normalizedMessage\n      sampleMessage\n      sourceKind\n      sourceQueue\n      total\n      pending\n      matching\n      firstSeen\n      lastSeen\n      trend\n    }\n  }\n": types.DeadLetterGroupsDocument,
    "\n  query DeadLetter($id: ID!) {\n    deadLetter(id: $id) {\n      id\n      automation {\n        slug\n        title\n      }\n      sourceKind\n      sourceQueue\n      messageId\n      fingerprint\n      errorClass\n      errorMessage\n      earlierErrors {\n        errorClass\n        errorMessage\n        until\n      }\n      attempts\n      deliveries\n      firstFailedAt\n      lastFailedAt\n      status\n      correlationId\n      runId\n      payload\n      payloadFormat\n      contentType\n      contentEncoding\n      bodyBytes\n      headers\n      payloadMasked\n      reprocessOf\n      actions {\n        requestId\n        action\n        requestState\n        requestedBy\n        requestedAt\n        reason\n        route\n        state\n        reprocessId\n        attempts\n        lastError\n        dispatchedAt\n        acknowledgedAt\n        finishedAt\n        newDeadLetterId\n      }\n    }\n  }\n": types.DeadLetterDocument,
    "\n  fragment DeadLetterRow on DeadLetter {\n    id\n    automation {\n      slug\n      title\n    }\n    fingerprint\n    errorClass\n    errorMessage\n    attempts\n    deliveries\n    lastFailedAt\n    status\n    correlationId\n  }\n": types.DeadLetterRowFragmentDoc,
    "\n  query DeadLetters($filter: DeadLetterFilter, $first: Int!, $after: String) {\n    deadLetters(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...DeadLetterRow\n        }\n      }\n    }\n  }\n": types.DeadLettersDocument,
    "\n  query RetentionWarnings($automation: String) {\n    deadLetterRetentionWarnings(automation: $automation) {\n      automation\n      sourceQueue\n      count\n      expiresAt\n      retention\n      message\n    }\n  }\n": types.RetentionWarningsDocument,
    "\n  query AutomationHealth($slug: String!, $window: String!) {\n    automationHealth(slug: $slug, window: $window) {\n      slug\n      window\n      bucket\n      from\n      to\n      throughput\n      successRate\n      errorRate\n      retryRate\n      p50Ms\n      p95Ms\n      p99Ms\n      lastSuccessAt\n      lastHeartbeatAt\n      series {\n        at\n        throughput\n        succeeded\n        failed\n        deadLettered\n        retried\n        successRate\n        errorRate\n        retryRate\n        p50Ms\n        p95Ms\n        p99Ms\n      }\n    }\n  }\n": types.AutomationHealthDocument,
    "\n  query Quarantine($automation: String, $first: Int!, $after: String) {\n    quarantine(automation: $automation, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          receivedAt\n          automation\n          eventType\n          reason\n          payload\n          tokenName\n        }\n      }\n    }\n  }\n": types.QuarantineDocument,
    "\n  mutation ApproveReprocess($id: ID!, $note: String) {\n    approveReprocess(id: $id, note: $note) {\n      ...ReprocessRequestDetail\n    }\n  }\n": types.ApproveReprocessDocument,
    "\n  mutation CancelReprocess($id: ID!, $reason: String) {\n    cancelReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n": types.CancelReprocessDocument,
    "\n  mutation ContinueReprocessCanary($id: ID!, $reason: String) {\n    continueReprocessCanary(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n": types.ContinueReprocessCanaryDocument,
    "\n  mutation PauseReprocess($id: ID!, $reason: String) {\n    pauseReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n": types.PauseReprocessDocument,
    "\n  mutation RejectReprocess($id: ID!, $reason: String!) {\n    rejectReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n": types.RejectReprocessDocument,
    "\n  query ReprocessPreview($action: ReprocessAction!, $selection: DeadLetterSelection!) {\n    reprocessPreview(action: $action, selection: $selection) {\n      action\n      count\n      blockedReason\n      approvalReasons\n      parts {\n        automation {\n          slug\n          title\n        }\n        sourceKind\n        route\n        destination\n        count\n        warning\n        allowed\n      }\n    }\n  }\n": types.ReprocessPreviewDocument,
    "\n  fragment ReprocessRequestSummary on ReprocessRequest {\n    id\n    action\n    state\n    automations\n    selection\n    reason\n    requestedBy {\n      id\n      name\n    }\n    velocity\n    total\n    createdAt\n    updatedAt\n    finishedAt\n    waitingReason\n    canControl\n    canReject\n    approvalReasons\n    canDecide\n    decideBlockedReason\n    decision {\n      decision\n      by {\n        id\n        name\n      }\n      at\n      note\n    }\n    errorGroups {\n      automation\n      errorClass\n      count\n      sampleDeadLetterId\n      sampleMessageId\n      sampleError\n    }\n    progress {\n      queued\n      dispatched\n      acknowledged\n      succeeded\n      failed\n      cancelled\n    }\n    canary {\n      requestedCount\n      requestedPercent\n      maxFailureRate\n      size\n      stage\n      sent\n      awaiting\n      succeeded\n      failed\n      rest\n      decision {\n        outcome\n        reason\n        at\n        by {\n          id\n          name\n        }\n        succeeded\n        failed\n        awaiting\n      }\n    }\n  }\n": types.ReprocessRequestSummaryFragmentDoc,
    "\n  fragment ReprocessRequestDetail on ReprocessRequest {\n    ...ReprocessRequestSummary\n    failedAgain\n    recentErrors {\n      deadLetterId\n      messageId\n      state\n      attempts\n      error\n    }\n  }\n": types.ReprocessRequestDetailFragmentDoc,
    "\n  query ReprocessRequest($id: ID!) {\n    reprocessRequest(id: $id) {\n      ...ReprocessRequestDetail\n    }\n  }\n": types.ReprocessRequestDocument,
    "\n  query ReprocessRequests($automation: String, $first: Int!, $after: String) {\n    reprocessRequests(automation: $automation, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ReprocessRequestSummary\n        }\n      }\n    }\n  }\n": types.ReprocessRequestsDocument,
    "\n  mutation ResumeReprocess($id: ID!, $reason: String) {\n    resumeReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n": types.ResumeReprocessDocument,
    "\n  mutation StartReprocess($input: StartReprocessInput!) {\n    startReprocess(input: $input) {\n      ...ReprocessRequestDetail\n    }\n  }\n": types.StartReprocessDocument,
    "\n  fragment RunFields on Run {\n    automation {\n      slug\n      title\n    }\n    runId\n    attempt\n    correlationId\n    status\n    startedAt\n    finishedAt\n    durationMs\n    errorClass\n    errorMessage\n    manualTouch\n  }\n": types.RunFieldsFragmentDoc,
    "\n  query Runs($filter: RunFilter, $first: Int!, $after: String) {\n    runs(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...RunFields\n        }\n      }\n    }\n  }\n": types.RunsDocument,
    "\n  query AutomationSlos($slug: String!) {\n    automationSlos(slug: $slug) {\n      ...SloStatusFields\n    }\n  }\n": types.AutomationSlosDocument,
    "\n  fragment SloStatusFields on SloStatus {\n    name\n    title\n    indicator\n    objective\n    window\n    state\n    attainedPercent\n    runbook {\n      id\n      title\n    }\n    errorBudget {\n      allowedBad\n      bad\n      good\n      total\n      consumedFraction\n      remainingFraction\n      overspent\n      noData\n    }\n    burnRates {\n      rule\n      severity\n      threshold\n      longWindow\n      shortWindow\n      longBurnRate\n      shortBurnRate\n      firing\n      budgetSpentInLongWindow\n    }\n    deadLetters {\n      pending\n      maxBacklog\n      headroom\n      oldestPendingSince\n      oldestAgeMs\n      thresholdMs\n      withinLimit\n    }\n    freshness {\n      ageMs\n      fresh\n      lastSuccessAt\n      thresholdMs\n    }\n  }\n": types.SloStatusFieldsFragmentDoc,
    "\n  query TeamTree {\n    teams {\n      name\n      title\n      description\n      namespace\n      parent\n      automationCount\n      people {\n        name\n        displayName\n        email\n      }\n    }\n  }\n": types.TeamTreeDocument,
    "\n  query Teams {\n    teams {\n      name\n      title\n      automationCount\n      onCall {\n        name\n        email\n        slack\n        schedule\n      }\n    }\n  }\n": types.TeamsDocument,
    "\n  mutation CreateRuntimeToken($input: CreateRuntimeTokenInput!) {\n    createRuntimeToken(input: $input) {\n      secret\n      token {\n        ...RuntimeTokenFields\n      }\n    }\n  }\n": types.CreateRuntimeTokenDocument,
    "\n  mutation RevokeRuntimeToken($id: ID!) {\n    revokeRuntimeToken(id: $id) {\n      ...RuntimeTokenFields\n    }\n  }\n": types.RevokeRuntimeTokenDocument,
    "\n  mutation RotateRuntimeToken($id: ID!, $overlapHours: Int, $expiresInDays: Int) {\n    rotateRuntimeToken(id: $id, overlapHours: $overlapHours, expiresInDays: $expiresInDays) {\n      secret\n      token {\n        ...RuntimeTokenFields\n      }\n      replaced {\n        ...RuntimeTokenFields\n      }\n    }\n  }\n": types.RotateRuntimeTokenDocument,
    "\n  fragment RuntimeTokenFields on RuntimeToken {\n    id\n    name\n    team\n    allAutomations\n    automations\n    capabilities\n    prefix\n    createdAt\n    createdBy\n    lastUsedAt\n    expiresAt\n    revokedAt\n    revokedBy\n    replaces\n    replacedBy\n    state\n  }\n": types.RuntimeTokenFieldsFragmentDoc,
    "\n  query RuntimeTokens($team: String!) {\n    runtimeTokens(team: $team) {\n      ...RuntimeTokenFields\n    }\n  }\n": types.RuntimeTokensDocument,
    "\n  query Trail($correlationId: String!) {\n    trail(correlationId: $correlationId) {\n      ...RunFields\n    }\n    trailSteps(correlationId: $correlationId) {\n      automation {\n        slug\n      }\n      stepId\n      runId\n      name\n      outcome\n      startedAt\n      durationMs\n      errorMessage\n    }\n  }\n": types.TrailDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AcknowledgeAlert($id: ID!, $note: String) {\n    acknowledgeAlert(id: $id, note: $note) {\n      ...AlertFields\n    }\n  }\n"): typeof import('./graphql').AcknowledgeAlertDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on Alert {\n    id\n    automation\n    automationTitle\n    slo\n    sloTitle\n    rule\n    severity\n    state\n    summary\n    firedAt\n    acknowledgedAt\n    acknowledgedBy\n    resolvedAt\n    acknowledgeBlockedReason\n    runbook {\n      id\n      title\n    }\n    events {\n      at\n      kind\n      actor\n      detail\n    }\n  }\n"): typeof import('./graphql').AlertFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($automation: String, $state: [AlertState!], $teams: [String!], $first: Int!) {\n    alerts(automation: $automation, state: $state, teams: $teams, first: $first) {\n      ...AlertFields\n    }\n  }\n"): typeof import('./graphql').AlertsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AutomationChangeItem on AutomationChange {\n    id\n    state\n    ownerTeam\n    automation {\n      slug\n      title\n    }\n    requestedBy {\n      id\n      name\n    }\n    requestedAt\n    sloChanges\n    changes\n    decidedBy {\n      id\n      name\n    }\n    decidedAt\n    reason\n    canDecide\n    decideBlockedReason\n    canReject\n  }\n"): typeof import('./graphql').AutomationChangeItemFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Approvals {\n    approvals {\n      waitingForYou\n      reprocessRequests {\n        ...ReprocessRequestSummary\n      }\n      automationChanges {\n        ...AutomationChangeItem\n      }\n    }\n  }\n"): typeof import('./graphql').ApprovalsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveAutomationChange($id: ID!, $note: String) {\n    approveAutomationChange(id: $id, note: $note) {\n      ...AutomationChangeItem\n    }\n  }\n"): typeof import('./graphql').ApproveAutomationChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectAutomationChange($id: ID!, $reason: String!) {\n    rejectAutomationChange(id: $id, reason: $reason) {\n      ...AutomationChangeItem\n    }\n  }\n"): typeof import('./graphql').RejectAutomationChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditActions {\n    auditActions\n  }\n"): typeof import('./graphql').AuditActionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEntries($filter: AuditFilter, $first: Int!, $after: String) {\n    auditEntries(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          at\n          actor {\n            id\n            name\n          }\n          actorKind\n          action\n          targetKind\n          targetId\n          automations\n          teams\n          reason\n          before\n          after\n          detail\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AuditEntriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      id\n      name\n      role\n      teams\n      canRegister\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationPendingChange($slug: String!) {\n    automation(slug: $slug) {\n      slug\n      pendingChange {\n        ...AutomationChangeItem\n      }\n    }\n  }\n"): typeof import('./graphql').AutomationPendingChangeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterAutomation($input: AutomationInput!) {\n    registerAutomation(input: $input) {\n      ...AutomationDetail\n    }\n  }\n"): typeof import('./graphql').RegisterAutomationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAutomation($slug: String!, $input: AutomationInput!) {\n    updateAutomation(slug: $slug, input: $input) {\n      ...AutomationDetail\n      pendingChange {\n        ...AutomationChangeItem\n      }\n    }\n  }\n"): typeof import('./graphql').UpdateAutomationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveAutomation($slug: String!) {\n    archiveAutomation(slug: $slug) {\n      ...AutomationDetail\n    }\n  }\n"): typeof import('./graphql').ArchiveAutomationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AutomationDetail on Automation {\n    slug\n    title\n    description\n    type\n    lifecycle\n    owner {\n      name\n      title\n    }\n    onCall {\n      name\n      email\n      slack\n      schedule\n    }\n    systems\n    riskDomains\n    tags\n    links {\n      title\n      url\n      type\n    }\n    annotations {\n      key\n      value\n      label\n      url\n    }\n    labels {\n      key\n      value\n    }\n    system\n    runtime {\n      kind\n      queue\n      deadLetterQueue\n      exchange\n      routingKey\n      stream\n      consumer\n      subject\n      serviceName\n      reprocessUrl\n      signingSecret\n      connection\n    }\n    slos {\n      name\n      title\n      indicator\n      objective\n      threshold\n      percentile\n      maxBacklog\n      window\n      runbook\n    }\n    kpis {\n      name\n      title\n      unit\n      direction\n      source\n      baseline {\n        value\n        from\n        to\n        note\n      }\n      target\n      currency\n      money\n      minutesPerTouch\n    }\n    runbooks {\n      id\n      title\n      markdown\n      path\n    }\n    releases {\n      version\n      date\n      summary\n      why\n    }\n    source\n    sourceFile\n    archivedAt\n    createdAt\n    updatedAt\n    canEdit\n    editBlockedReason\n  }\n"): typeof import('./graphql').AutomationDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Automation($slug: String!) {\n    automation(slug: $slug) {\n      ...AutomationDetail\n    }\n  }\n"): typeof import('./graphql').AutomationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportAutomation($slug: String!) {\n    exportAutomation(slug: $slug)\n  }\n"): typeof import('./graphql').ExportAutomationDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationOptions($filter: AutomationFilter, $first: Int!) {\n    automations(filter: $filter, first: $first) {\n      edges {\n        node {\n          slug\n          title\n          owner {\n            name\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').AutomationOptionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment CatalogAutomation on Automation {\n    slug\n    title\n    type\n    lifecycle\n    riskDomains\n    tags\n    systems\n    source\n    archivedAt\n    owner {\n      name\n      title\n    }\n    onCall {\n      name\n      slack\n    }\n    status {\n      health\n      openAlerts\n      runsLast24h\n      failedLast24h\n    }\n  }\n"): typeof import('./graphql').CatalogAutomationFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogAutomations($filter: AutomationFilter, $first: Int!, $after: String) {\n    automations(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...CatalogAutomation\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').CatalogAutomationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CatalogFacets {\n    automationFacets {\n      tags\n      systems\n    }\n  }\n"): typeof import('./graphql').CatalogFacetsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationKpis($slug: String!, $range: DateRangeInput) {\n    automationKpis(slug: $slug, range: $range) {\n      ...KpiReportFields\n    }\n  }\n"): typeof import('./graphql').AutomationKpisDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($name: String!, $range: DateRangeInput) {\n    dashboard(name: $name, range: $range) {\n      name\n      title\n      description\n      owner\n      path\n      defaultRange {\n        last\n        from\n        to\n      }\n      range {\n        start\n        end\n        days\n        label\n      }\n      panels {\n        kind\n        title\n        description\n        problem\n        kpi {\n          ...KpiReportFields\n        }\n        trend {\n          interval\n          kpi {\n            ...KpiReportFields\n          }\n          points {\n            at\n            value\n          }\n        }\n        slos {\n          automation\n          automationTitle\n          attainmentPercent\n          good\n          total\n          status {\n            ...SloStatusFields\n          }\n          openAlerts {\n            id\n            severity\n            state\n            summary\n          }\n        }\n        backlog {\n          automation\n          automationTitle\n          pending\n          oldestPendingSince\n          arrivedInRange\n          closedInRange\n        }\n        totals {\n          hoursSaved\n          hoursSavedItems {\n            automation\n            kpi\n            kpiTitle\n            touchesAvoidedPerDay\n            minutesPerTouch\n            days\n            hours\n          }\n          money {\n            currency\n            unit\n            kind\n            before\n            after\n            change\n            items {\n              automation\n              kpi\n              kpiTitle\n              currency\n              unit\n              kind\n              before\n              after\n              change\n            }\n          }\n          skipped {\n            automation\n            kpi\n            kpiTitle\n            reason\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboards {\n    dashboards {\n      name\n      title\n      description\n      owner\n      path\n      panelCount\n      defaultRange {\n        last\n        from\n        to\n      }\n    }\n  }\n"): typeof import('./graphql').DashboardsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment KpiReportFields on KpiReport {\n    automation\n    automationTitle\n    name\n    title\n    unit\n    direction\n    source\n    currency\n    target\n    baseline\n    baselineNote\n    baselineFrom\n    baselineTo\n    after\n    coverage\n    partial\n    noData\n    delta\n    change\n    improvementPercent\n    progressPercent\n    progressDisplayPercent\n    targetReached\n    caveat\n    howComputed\n    range {\n      start\n      end\n      days\n      label\n    }\n  }\n"): typeof import('./graphql').KpiReportFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DataFreshness {\n    dataFreshness {\n      fromReplica\n      behindSeconds\n      asOf\n      lagging\n    }\n  }\n"): typeof import('./graphql').DataFreshnessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeadLetterGroups($automation: String, $status: DeadLetterStatus, $needsAction: Boolean, $reprocessRequest: ID, $teams: [String!]) {\n    deadLetterGroups(automation: $automation, status: $status, needsAction: $needsAction, reprocessRequest: $reprocessRequest, teams: $teams) {\n      fingerprint\n      automation {\n        slug\n        title\n      }\n      errorClass\n      normalizedMessage\n      sampleMessage\n      sourceKind\n      sourceQueue\n      total\n      pending\n      matching\n      firstSeen\n      lastSeen\n      trend\n    }\n  }\n"): typeof import('./graphql').DeadLetterGroupsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeadLetter($id: ID!) {\n    deadLetter(id: $id) {\n      id\n      automation {\n        slug\n        title\n      }\n      sourceKind\n      sourceQueue\n      messageId\n      fingerprint\n      errorClass\n      errorMessage\n      earlierErrors {\n        errorClass\n        errorMessage\n        until\n      }\n      attempts\n      deliveries\n      firstFailedAt\n      lastFailedAt\n      status\n      correlationId\n      runId\n      payload\n      payloadFormat\n      contentType\n      contentEncoding\n      bodyBytes\n      headers\n      payloadMasked\n      reprocessOf\n      actions {\n        requestId\n        action\n        requestState\n        requestedBy\n        requestedAt\n        reason\n        route\n        state\n        reprocessId\n        attempts\n        lastError\n        dispatchedAt\n        acknowledgedAt\n        finishedAt\n        newDeadLetterId\n      }\n    }\n  }\n"): typeof import('./graphql').DeadLetterDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeadLetterRow on DeadLetter {\n    id\n    automation {\n      slug\n      title\n    }\n    fingerprint\n    errorClass\n    errorMessage\n    attempts\n    deliveries\n    lastFailedAt\n    status\n    correlationId\n  }\n"): typeof import('./graphql').DeadLetterRowFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeadLetters($filter: DeadLetterFilter, $first: Int!, $after: String) {\n    deadLetters(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...DeadLetterRow\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').DeadLettersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RetentionWarnings($automation: String) {\n    deadLetterRetentionWarnings(automation: $automation) {\n      automation\n      sourceQueue\n      count\n      expiresAt\n      retention\n      message\n    }\n  }\n"): typeof import('./graphql').RetentionWarningsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationHealth($slug: String!, $window: String!) {\n    automationHealth(slug: $slug, window: $window) {\n      slug\n      window\n      bucket\n      from\n      to\n      throughput\n      successRate\n      errorRate\n      retryRate\n      p50Ms\n      p95Ms\n      p99Ms\n      lastSuccessAt\n      lastHeartbeatAt\n      series {\n        at\n        throughput\n        succeeded\n        failed\n        deadLettered\n        retried\n        successRate\n        errorRate\n        retryRate\n        p50Ms\n        p95Ms\n        p99Ms\n      }\n    }\n  }\n"): typeof import('./graphql').AutomationHealthDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Quarantine($automation: String, $first: Int!, $after: String) {\n    quarantine(automation: $automation, first: $first, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          id\n          receivedAt\n          automation\n          eventType\n          reason\n          payload\n          tokenName\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').QuarantineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveReprocess($id: ID!, $note: String) {\n    approveReprocess(id: $id, note: $note) {\n      ...ReprocessRequestDetail\n    }\n  }\n"): typeof import('./graphql').ApproveReprocessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelReprocess($id: ID!, $reason: String) {\n    cancelReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n"): typeof import('./graphql').CancelReprocessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ContinueReprocessCanary($id: ID!, $reason: String) {\n    continueReprocessCanary(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n"): typeof import('./graphql').ContinueReprocessCanaryDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PauseReprocess($id: ID!, $reason: String) {\n    pauseReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n"): typeof import('./graphql').PauseReprocessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RejectReprocess($id: ID!, $reason: String!) {\n    rejectReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n"): typeof import('./graphql').RejectReprocessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReprocessPreview($action: ReprocessAction!, $selection: DeadLetterSelection!) {\n    reprocessPreview(action: $action, selection: $selection) {\n      action\n      count\n      blockedReason\n      approvalReasons\n      parts {\n        automation {\n          slug\n          title\n        }\n        sourceKind\n        route\n        destination\n        count\n        warning\n        allowed\n      }\n    }\n  }\n"): typeof import('./graphql').ReprocessPreviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReprocessRequestSummary on ReprocessRequest {\n    id\n    action\n    state\n    automations\n    selection\n    reason\n    requestedBy {\n      id\n      name\n    }\n    velocity\n    total\n    createdAt\n    updatedAt\n    finishedAt\n    waitingReason\n    canControl\n    canReject\n    approvalReasons\n    canDecide\n    decideBlockedReason\n    decision {\n      decision\n      by {\n        id\n        name\n      }\n      at\n      note\n    }\n    errorGroups {\n      automation\n      errorClass\n      count\n      sampleDeadLetterId\n      sampleMessageId\n      sampleError\n    }\n    progress {\n      queued\n      dispatched\n      acknowledged\n      succeeded\n      failed\n      cancelled\n    }\n    canary {\n      requestedCount\n      requestedPercent\n      maxFailureRate\n      size\n      stage\n      sent\n      awaiting\n      succeeded\n      failed\n      rest\n      decision {\n        outcome\n        reason\n        at\n        by {\n          id\n          name\n        }\n        succeeded\n        failed\n        awaiting\n      }\n    }\n  }\n"): typeof import('./graphql').ReprocessRequestSummaryFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ReprocessRequestDetail on ReprocessRequest {\n    ...ReprocessRequestSummary\n    failedAgain\n    recentErrors {\n      deadLetterId\n      messageId\n      state\n      attempts\n      error\n    }\n  }\n"): typeof import('./graphql').ReprocessRequestDetailFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReprocessRequest($id: ID!) {\n    reprocessRequest(id: $id) {\n      ...ReprocessRequestDetail\n    }\n  }\n"): typeof import('./graphql').ReprocessRequestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReprocessRequests($automation: String, $first: Int!, $after: String) {\n    reprocessRequests(automation: $automation, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...ReprocessRequestSummary\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ReprocessRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResumeReprocess($id: ID!, $reason: String) {\n    resumeReprocess(id: $id, reason: $reason) {\n      ...ReprocessRequestDetail\n    }\n  }\n"): typeof import('./graphql').ResumeReprocessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartReprocess($input: StartReprocessInput!) {\n    startReprocess(input: $input) {\n      ...ReprocessRequestDetail\n    }\n  }\n"): typeof import('./graphql').StartReprocessDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunFields on Run {\n    automation {\n      slug\n      title\n    }\n    runId\n    attempt\n    correlationId\n    status\n    startedAt\n    finishedAt\n    durationMs\n    errorClass\n    errorMessage\n    manualTouch\n  }\n"): typeof import('./graphql').RunFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Runs($filter: RunFilter, $first: Int!, $after: String) {\n    runs(filter: $filter, first: $first, after: $after) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        cursor\n        node {\n          ...RunFields\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').RunsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutomationSlos($slug: String!) {\n    automationSlos(slug: $slug) {\n      ...SloStatusFields\n    }\n  }\n"): typeof import('./graphql').AutomationSlosDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SloStatusFields on SloStatus {\n    name\n    title\n    indicator\n    objective\n    window\n    state\n    attainedPercent\n    runbook {\n      id\n      title\n    }\n    errorBudget {\n      allowedBad\n      bad\n      good\n      total\n      consumedFraction\n      remainingFraction\n      overspent\n      noData\n    }\n    burnRates {\n      rule\n      severity\n      threshold\n      longWindow\n      shortWindow\n      longBurnRate\n      shortBurnRate\n      firing\n      budgetSpentInLongWindow\n    }\n    deadLetters {\n      pending\n      maxBacklog\n      headroom\n      oldestPendingSince\n      oldestAgeMs\n      thresholdMs\n      withinLimit\n    }\n    freshness {\n      ageMs\n      fresh\n      lastSuccessAt\n      thresholdMs\n    }\n  }\n"): typeof import('./graphql').SloStatusFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TeamTree {\n    teams {\n      name\n      title\n      description\n      namespace\n      parent\n      automationCount\n      people {\n        name\n        displayName\n        email\n      }\n    }\n  }\n"): typeof import('./graphql').TeamTreeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Teams {\n    teams {\n      name\n      title\n      automationCount\n      onCall {\n        name\n        email\n        slack\n        schedule\n      }\n    }\n  }\n"): typeof import('./graphql').TeamsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRuntimeToken($input: CreateRuntimeTokenInput!) {\n    createRuntimeToken(input: $input) {\n      secret\n      token {\n        ...RuntimeTokenFields\n      }\n    }\n  }\n"): typeof import('./graphql').CreateRuntimeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeRuntimeToken($id: ID!) {\n    revokeRuntimeToken(id: $id) {\n      ...RuntimeTokenFields\n    }\n  }\n"): typeof import('./graphql').RevokeRuntimeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateRuntimeToken($id: ID!, $overlapHours: Int, $expiresInDays: Int) {\n    rotateRuntimeToken(id: $id, overlapHours: $overlapHours, expiresInDays: $expiresInDays) {\n      secret\n      token {\n        ...RuntimeTokenFields\n      }\n      replaced {\n        ...RuntimeTokenFields\n      }\n    }\n  }\n"): typeof import('./graphql').RotateRuntimeTokenDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RuntimeTokenFields on RuntimeToken {\n    id\n    name\n    team\n    allAutomations\n    automations\n    capabilities\n    prefix\n    createdAt\n    createdBy\n    lastUsedAt\n    expiresAt\n    revokedAt\n    revokedBy\n    replaces\n    replacedBy\n    state\n  }\n"): typeof import('./graphql').RuntimeTokenFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RuntimeTokens($team: String!) {\n    runtimeTokens(team: $team) {\n      ...RuntimeTokenFields\n    }\n  }\n"): typeof import('./graphql').RuntimeTokensDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Trail($correlationId: String!) {\n    trail(correlationId: $correlationId) {\n      ...RunFields\n    }\n    trailSteps(correlationId: $correlationId) {\n      automation {\n        slug\n      }\n      stepId\n      runId\n      name\n      outcome\n      startedAt\n      durationMs\n      errorMessage\n    }\n  }\n"): typeof import('./graphql').TrailDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
