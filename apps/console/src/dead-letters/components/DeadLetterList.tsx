import { type ReactNode, useMemo, useState } from 'react';
import { useDeadLetterAccess } from '@/auth/hooks/useDeadLetterAccess';
import type { DeadLetterRowFragment } from '@/gql/graphql';
import { ReprocessDialog } from '@/reprocess/components/ReprocessDialog';
import { RunsSkeleton } from '@/runs/components/RunsSkeleton';
import { ErrorState } from '@/shared/components/ErrorState';
import { NoneMatchState } from '@/shared/components/filters/NoneMatchState';
import { ShownCount } from '@/shared/components/filters/ShownCount';
import { type DeadLetterFilters, describeDeadLetterFilters, toDeadLetterFilter } from '../deadLetterFilters';
import { useDeadLetters } from '../hooks/useDeadLetters';
import { type ChosenAction, DeadLetterActionBar } from './DeadLetterActionBar';
import { type DeadLetterSelectionControls, DeadLetterTable } from './DeadLetterTable';
import { LoadMore } from '@/shared/components/LoadMore';
import { State, StateText, StateTitle } from '@/shared/ui/State';

interface DeadLetterListProps {
  filters: DeadLetterFilters;
  hasFilters: boolean;
  onClear: () => void;
  /** The teams owning the automations of what the filters match, as far as known; acting is disabled up front when none is the viewer's. */
  scopeTeams: readonly string[];
  /** Only these teams' dead letters ("my teams"); null for every team's. */
  teams: readonly string[] | null;
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The rows chosen for a reprocess or discard. A choice belongs to one view: another filter starts
 * with nothing chosen, so "3 selected" never includes rows that are no longer on screen.
 */
function useRowSelection(viewKey: string, shown: readonly DeadLetterRowFragment[]): { selectedIds: string[]; controls: DeadLetterSelectionControls } {
  const [choice, setChoice] = useState<{ viewKey: string; ids: ReadonlySet<string> }>({ viewKey, ids: NONE });
  const selected = choice.viewKey === viewKey ? choice.ids : NONE;
  const update = (change: (ids: Set<string>) => void) => {
    const next = new Set(selected);
    change(next);
    setChoice({ viewKey, ids: next });
  };
  return {
    selectedIds: shown.filter((deadLetter) => selected.has(deadLetter.id)).map((deadLetter) => deadLetter.id),
    controls: {
      selected,
      onToggle: (id, on) => update((ids) => (on ? ids.add(id) : ids.delete(id))),
      onToggleAll: (on) => update((ids) => shown.forEach((deadLetter) => (on ? ids.add(deadLetter.id) : ids.delete(deadLetter.id)))),
    },
  };
}

/** Dead letters matching the URL's filters, newest failure first, a page at a time ("Load more"); rows can be chosen for a reprocess or discard. */
export function DeadLetterList({ filters, hasFilters, onClear, scopeTeams, teams }: DeadLetterListProps) {
  const filter = useMemo(() => toDeadLetterFilter(filters, teams), [filters, teams]);
  const query = useDeadLetters(filter);
  const deadLetters = useMemo(() => query.data?.pages.flatMap((page) => page.deadLetters.edges.map((edge) => edge.node)) ?? [], [query.data]);
  const access = useDeadLetterAccess();
  const blockedReason = access.scopeBlockedReason(scopeTeams);
  const { selectedIds, controls } = useRowSelection(JSON.stringify(filter), deadLetters);
  // The dialog lives here, not in the bar: it stays open while the rows under it change.
  const [chosen, setChosen] = useState<ChosenAction | null>(null);

  let body: ReactNode;
  if (query.isPending) {
    body = <RunsSkeleton />;
  } else if (query.isError && deadLetters.length === 0) {
    body = <ErrorState title="Dead letters could not be loaded" error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (deadLetters.length === 0) {
    body = hasFilters ? (
      <NoneMatchState
        id="dead-letters-none-match-title"
        title="No dead letters match these filters"
        hint="Widen the time range, pick another status or group, or clear the filters."
        onClear={onClear}
        level={3}
      />
    ) : (
      <DeadLettersEmptyState mine={teams !== null} />
    );
  } else {
    body = (
      <>
        <ShownCount count={deadLetters.length} noun={['dead letter', 'dead letters']} more={query.hasNextPage} />
        <DeadLetterActionBar selectedIds={selectedIds} filter={filter} filterWords={describeDeadLetterFilters(filters, teams)} blockedReason={blockedReason} onChoose={setChosen} />
        <DeadLetterTable deadLetters={deadLetters} selection={blockedReason ? undefined : controls} />
        <LoadMore query={query} />
      </>
    );
  }
  return (
    <div>
      {body}
      {chosen ? <ReprocessDialog action={chosen.action} selection={chosen.selection} scope={chosen.scope} onClose={() => setChosen(null)} /> : null}
    </div>
  );
}

/** Nothing waiting (for the viewer's teams, when `mine`): the best news the on-call can get. */
export function DeadLettersEmptyState({ mine = false }: { mine?: boolean }) {
  return (
    <State role="status" aria-labelledby="dead-letters-empty-title">
      <StateTitle id="dead-letters-empty-title">No dead letters — nothing is waiting for you</StateTitle>
      {mine ? <StateText>Only your teams’ dead letters are shown: the others are under “All teams”.</StateText> : null}
      <StateText>When a runtime gives up on a message, it hands it over here with its payload, error and correlation id, grouped with others that failed the same way.</StateText>
    </State>
  );
}
