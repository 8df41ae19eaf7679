import type { DeadLetterFilter, DeadLetterSelection, ReprocessAction } from '@/gql/graphql';
import { formatNumber } from '@/shared/format/numbers';
import { ActionsReason } from '@/shared/ui/Actions';
import { Button } from '@/shared/ui/Button';
import styles from './DeadLetterActionBar.module.css';

interface DeadLetterActionBarProps {
  /** The rows chosen, of those shown. */
  selectedIds: readonly string[];
  /** The workbench's filter, as the api takes it: "all matching" acts on exactly this. */
  filter: DeadLetterFilter;
  /** The filter in words, for the dialog's title. */
  filterWords: string;
  /** Why the viewer may not act, or null. */
  blockedReason: string | null;
  /** Opens the confirmation dialog for what was chosen. */
  onChoose: (chosen: ChosenAction) => void;
}

/** What a button asks the dialog to confirm. */
export interface ChosenAction {
  action: ReprocessAction;
  selection: DeadLetterSelection;
  scope: string;
}

const BLOCKED_ID = 'dead-letter-actions-blocked';

/**
 * Reprocess or discard the selected rows, or everything the filters match. Nothing happens here: each
 * button opens the dialog that counts, says where the messages go and asks why.
 */
export function DeadLetterActionBar({ selectedIds, filter, filterWords, blockedReason, onChoose }: DeadLetterActionBarProps) {
  const count = selectedIds.length;
  const selectedScope = `${formatNumber(count)} selected ${count === 1 ? 'dead letter' : 'dead letters'}`;
  const open = (action: ReprocessAction, which: 'selected' | 'matching') =>
    onChoose(which === 'selected' ? { action, selection: { ids: [...selectedIds] }, scope: selectedScope } : { action, selection: { filter }, scope: filterWords });
  const blocked = blockedReason ? { disabled: true, title: blockedReason, 'aria-describedby': BLOCKED_ID } : {};
  const noneChosen = blockedReason === null && count === 0 ? { disabled: true, title: 'Select dead letters in the list first' } : {};

  return (
    <div className={styles.bar} role="toolbar" aria-label="Act on dead letters">
      {blockedReason ? null : (
        <span className={styles.count} aria-live="polite">
          {count === 0 ? 'None selected' : selectedScope}
        </span>
      )}
      <Button variant="primary" size="small" {...noneChosen} {...blocked} onClick={() => open('reprocess', 'selected')}>
        Reprocess {formatNumber(count)} selected
      </Button>
      <Button variant="danger-quiet" size="small" {...noneChosen} {...blocked} onClick={() => open('discard', 'selected')}>
        Discard {formatNumber(count)} selected
      </Button>
      <span className={styles.divider} aria-hidden="true" />
      <Button size="small" {...blocked} onClick={() => open('reprocess', 'matching')}>
        Reprocess all matching…
      </Button>
      <Button variant="danger-quiet" size="small" {...blocked} onClick={() => open('discard', 'matching')}>
        Discard all matching…
      </Button>
      {blockedReason ? <ActionsReason id={BLOCKED_ID}>{blockedReason}</ActionsReason> : null}
    </div>
  );
}
