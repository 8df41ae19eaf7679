import { refOfKey } from '@roundhouse/contracts';
import type { AutomationDefinition } from '../automations/index.js';
import type { SloState } from '../slos/index.js';

/** The Backstage entity kind an automation is served as: a piece of software that runs (Backstage's own words for a Component). */
export const BACKSTAGE_API_VERSION = 'backstage.io/v1alpha1';

/** Points back from Backstage to the automation's page in this console. */
export const VIEW_URL_ANNOTATION = 'backstage.io/view-url';
/** The automation's SLOs in one word, as of the moment Backstage read it (see `overallSloState`). */
export const SLO_STATE_ANNOTATION = 'roundhouse.io/slo-state';
/** The automation's slug in Roundhouse, for a Backstage plugin that asks the API for more. */
export const AUTOMATION_ANNOTATION = 'roundhouse.io/automation';

/** One word for all of an automation's SLOs: `none` when it declares none. */
export type OverallSloState = SloState | 'none';

/** Worst first: a broken promise beats a page, a page a ticket, an unmeasured SLO one that holds. */
const SEVERITY: readonly SloState[] = ['breached', 'paging', 'burning', 'no_data', 'ok'];

/** The worst state among an automation's SLOs, or `none` when it declares no SLO. */
export function overallSloState(states: readonly SloState[]): OverallSloState {
  return SEVERITY.find((state) => states.includes(state)) ?? 'none';
}

/**
 * An automation as a Backstage `Component` (`spec.type` its Roundhouse type: automation,
 * orchestration or integration): owned by its team's Group, part of its System, with its own
 * annotations and labels, and ours on top: the console page (`backstage.io/view-url`) and the SLO
 * state. Ours win over an own annotation of the same key, so Backstage always links back here.
 */
export function backstageComponentOf(automation: AutomationDefinition, context: { consoleUrl: string; sloState: OverallSloState }): object {
  const annotations: Record<string, string> = {
    ...automation.annotations,
    [VIEW_URL_ANNOTATION]: `${context.consoleUrl}/automations/${encodeURIComponent(automation.slug)}`,
    [AUTOMATION_ANNOTATION]: automation.slug,
    [SLO_STATE_ANNOTATION]: context.sloState,
  };
  return {
    apiVersion: BACKSTAGE_API_VERSION,
    kind: 'Component',
    metadata: {
      name: automation.slug,
      title: automation.title,
      description: automation.description,
      ...(automation.tags.length === 0 ? {} : { tags: automation.tags }),
      ...(automation.links.length === 0 ? {} : { links: automation.links.map((link) => ({ url: link.url, title: link.title, type: link.type })) }),
      annotations: Object.fromEntries(Object.entries(annotations).sort(([a], [b]) => (a < b ? -1 : 1))),
      ...(Object.keys(automation.labels).length === 0 ? {} : { labels: automation.labels }),
    },
    spec: {
      type: automation.type,
      lifecycle: automation.lifecycle,
      owner: refOfKey('group', automation.ownerTeam),
      ...(automation.system === null ? {} : { system: refOfKey('system', automation.system) }),
    },
  };
}
