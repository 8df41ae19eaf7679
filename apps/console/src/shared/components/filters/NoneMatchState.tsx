import { State, StateText, StateTitle } from '@/shared/ui/State';
import { ClearFiltersButton } from './FilterBar';

interface NoneMatchStateProps {
  id: string;
  /** "No runs match these filters" */
  title: string;
  /** How to widen the view. */
  hint: string;
  onClear: () => void;
  /** The heading's level where the list sits (2 on a page, 3 inside a section). */
  level?: 2 | 3;
}

/** The filters leave nothing: say so, and offer the way back. */
export function NoneMatchState({ id, title, hint, onClear, level = 2 }: NoneMatchStateProps) {
  return (
    <State role="status" aria-labelledby={id}>
      <StateTitle level={level} id={id}>
        {title}
      </StateTitle>
      <StateText>{hint}</StateText>
      <ClearFiltersButton onClear={onClear} />
    </State>
  );
}
