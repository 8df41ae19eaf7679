import type { RiskDomain } from '@roundhouse/contracts';
import type { AppConfig } from '../config/app.config.js';
import { parseRiskDomains } from '../config/approval-risk-domains.js';

/**
 * Separation of duties for dead letters: which reprocesses and discards one person may not start
 * alone. A request of more than `bulkThreshold` messages, or on an automation touching one of
 * `riskDomains`, waits for a second person's approval.
 */
export interface ApprovalPolicy {
  bulkThreshold: number;
  riskDomains: readonly RiskDomain[];
}

export function approvalPolicyOf(config: Pick<AppConfig, 'ROUNDHOUSE_APPROVAL_BULK_THRESHOLD' | 'ROUNDHOUSE_APPROVAL_RISK_DOMAINS'>): ApprovalPolicy {
  return { bulkThreshold: config.ROUNDHOUSE_APPROVAL_BULK_THRESHOLD, riskDomains: parseRiskDomains(config.ROUNDHOUSE_APPROVAL_RISK_DOMAINS) ?? [] };
}

/** One automation a request acts on, with the risk domains it touches. */
export interface RequestedAutomation {
  slug: string;
  riskDomains: readonly string[];
}

/**
 * Why a reprocess or discard of `total` messages of these automations needs a second person, in
 * words ("240 messages is more than the 100 one person may reprocess alone", "invoice-generation
 * touches billing"); empty when one person may do it alone.
 */
export function approvalReasons(policy: ApprovalPolicy, action: 'reprocess' | 'discard', total: number, automations: readonly RequestedAutomation[]): string[] {
  const reasons: string[] = [];
  if (total > policy.bulkThreshold) {
    reasons.push(`${total} messages is more than the ${policy.bulkThreshold} one person may ${action} alone`);
  }
  for (const automation of automations) {
    const touched = policy.riskDomains.filter((domain) => automation.riskDomains.includes(domain));
    if (touched.length > 0) {
      reasons.push(`${automation.slug} touches ${wordList(touched)}`);
    }
  }
  return reasons;
}

/** ['a'] → 'a'; ['a', 'b'] → 'a and b'; ['a', 'b', 'c'] → 'a, b and c'. */
export function wordList(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/** Who owns an automation and which risk domains it touches: what separation of duties looks at. */
export interface DutiesView {
  ownerTeam: string;
  riskDomains: readonly string[];
}

/**
 * How an automation changed in what separation of duties looks at, in words ("payout-reconciliation
 * moved from finance-ops to order-ops", "payout-reconciliation's risk domains changed from revenue and
 * billing to billing"); empty when neither its owner team nor its risk domains changed.
 */
export function dutiesChanges(slug: string, before: DutiesView, after: DutiesView): string[] {
  const changes: string[] = [];
  if (before.ownerTeam !== after.ownerTeam) {
    changes.push(`${slug} moved from ${before.ownerTeam} to ${after.ownerTeam}`);
  }
  const was = [...new Set(before.riskDomains)].sort();
  const is = [...new Set(after.riskDomains)].sort();
  if (was.join(',') !== is.join(',')) {
    changes.push(`${slug}'s risk domains changed from ${wordList(was) || 'none'} to ${wordList(is) || 'none'}`);
  }
  return changes;
}
