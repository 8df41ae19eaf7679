import type { DeadLetterQuery } from '../dead-letters/index.js';
import type { DeadLetterFilter } from '../dead-letters/dto/dead-letter.type.js';
import type { FieldError } from '../errors/domain-errors.js';
import type { DeadLetterSelectionInput } from './dto/reprocess.type.js';
import type { Selection } from './reprocess.types.js';

/** Most dead letters named one by one in a request; larger sets go by filter. */
export const MAX_SELECTED_IDS = 10_000;

function queryOf(filter: DeadLetterFilter): DeadLetterQuery {
  const query: DeadLetterQuery = {};
  const set = <K extends keyof DeadLetterQuery>(key: K, value: DeadLetterQuery[K] | null | undefined) => {
    if (value !== null && value !== undefined) {
      query[key] = value;
    }
  };
  set('automation', filter.automation);
  set('fingerprint', filter.fingerprint);
  set('status', filter.status);
  set('needsAction', filter.needsAction === true ? true : undefined);
  set('teams', filter.teams);
  set('reprocessRequest', filter.reprocessRequest);
  set('from', filter.from);
  set('to', filter.to);
  set('search', filter.search?.trim() === '' ? undefined : filter.search);
  return query;
}

/** The selection of a request or preview, or undefined with the problems added to `problems`. */
export function selectionOf(input: DeadLetterSelectionInput, problems: FieldError[]): Selection | undefined {
  const hasIds = input.ids !== undefined && input.ids !== null;
  const hasFilter = input.filter !== undefined && input.filter !== null;
  if (hasIds === hasFilter) {
    problems.push({ path: 'selection', message: 'give exactly one of ids or filter', allowed: 'ids: [ID] or filter: DeadLetterFilter' });
    return undefined;
  }
  if (hasIds) {
    const ids = [...new Set(input.ids ?? [])];
    const bad = ids.find((id) => !/^\d{1,18}$/.test(id));
    if (ids.length === 0 || ids.length > MAX_SELECTED_IDS || bad !== undefined) {
      problems.push({
        path: 'selection.ids',
        message: bad === undefined ? `between 1 and ${MAX_SELECTED_IDS} dead letter ids (use a filter for more)` : 'dead letter ids',
        found: bad ?? `${ids.length} ids`,
      });
      return undefined;
    }
    return { kind: 'ids', ids };
  }
  return { kind: 'filter', filter: queryOf(input.filter as DeadLetterFilter) };
}

/** A selection in words, for the request list and the audit trail. */
export function describeSelection(selection: Selection): string {
  if (selection.kind === 'ids') {
    return selection.ids.length === 1 ? `dead letter ${selection.ids[0] ?? ''}` : `${selection.ids.length} selected dead letters`;
  }
  const f = selection.filter;
  const parts = [
    f.automation === undefined ? undefined : `automation ${f.automation}`,
    f.fingerprint === undefined ? undefined : `group ${f.fingerprint.slice(0, 12)}`,
    f.status === undefined ? undefined : `status ${f.status}`,
    f.needsAction === true ? 'needing action' : undefined,
    f.teams === undefined ? undefined : `of team ${f.teams.join(', ')}`,
    f.reprocessRequest === undefined ? undefined : `sent back by request ${f.reprocessRequest}`,
    f.search === undefined ? undefined : `error matching "${f.search}"`,
    f.from === undefined ? undefined : `failed from ${new Date(f.from).toISOString()}`,
    f.to === undefined ? undefined : `failed before ${new Date(f.to).toISOString()}`,
  ].filter((p): p is string => p !== undefined);
  return parts.length === 0 ? 'every dead letter' : `every dead letter with ${parts.join(', ')}`;
}
