import { showAnnotations } from './annotation-links.js';
import type { TeamType } from '../teams/dto/team.type.js';
import type { Automation } from './automation-row.js';
import type { AutomationObjectType } from './dto/automation.type.js';

export interface EditVerdict {
  canEdit: boolean;
  reason: string | null;
}

export function toAutomationType(entity: Automation, owner: TeamType, edit: EditVerdict): AutomationObjectType {
  return {
    slug: entity.slug,
    title: entity.title,
    description: entity.description,
    type: entity.type,
    lifecycle: entity.lifecycle,
    owner,
    onCall: entity.onCall,
    system: entity.system,
    systems: entity.systems,
    riskDomains: entity.riskDomains,
    tags: entity.tags,
    links: entity.links,
    annotations: showAnnotations(entity.annotations),
    labels: Object.keys(entity.labels)
      .sort()
      .map((key) => ({ key, value: entity.labels[key] ?? '' })),
    runtime: entity.runtime,
    payload: entity.payloadPolicy,
    slos: entity.slos,
    kpis: entity.kpis,
    runbooks: entity.runbooks,
    releases: entity.releases,
    source: entity.source,
    sourceFile: entity.sourceFile,
    archivedAt: entity.archivedAt,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    canEdit: edit.canEdit,
    editBlockedReason: edit.reason,
  };
}
