import { type ReactNode, useState } from 'react';
import { Button } from '@/shared/ui/Button';
import { ITEM_NOUNS, type RepeatedList, fieldPath } from '../form/fieldPaths';
import type { ItemKey } from '../form/formValues';
import { FormFieldset } from './FormField';
import styles from './RepeatableList.module.css';

interface RepeatableListProps<T extends { key: ItemKey }> {
  list: RepeatedList;
  items: readonly T[];
  onAdd: () => void;
  onRemove: (index: number) => void;
  /** `isNew`: the item was just added, so its first input takes focus. */
  renderItem: (item: T, index: number, isNew: boolean) => ReactNode;
  empty: ReactNode;
}

/** A list of sub-forms, each a fieldset named "KPI 1", "KPI 2"…, with add and remove. */
export function RepeatableList<T extends { key: ItemKey }>({ list, items, onAdd, onRemove, renderItem, empty }: RepeatableListProps<T>) {
  const [addedCount, setAddedCount] = useState(0);
  const noun = ITEM_NOUNS[list];
  return (
    <div className={styles.list}>
      {items.length === 0 ? <p className="muted">{empty}</p> : null}
      {items.map((item, index) => (
        <FormFieldset
          key={item.key}
          path={fieldPath.item(list, index)}
          legend={`${noun} ${index + 1}`}
          className={styles.item}
          actions={
            <Button variant="quiet" size="small" onClick={() => onRemove(index)}>
              Remove {noun} {index + 1}
            </Button>
          }
        >
          {renderItem(item, index, addedCount > 0 && index === items.length - 1)}
        </FormFieldset>
      ))}
      <Button
        size="small"
        onClick={() => {
          setAddedCount((count) => count + 1);
          onAdd();
        }}
      >
        Add {noun === 'SLO' || noun === 'KPI' ? noun : noun.toLowerCase()}
      </Button>
    </div>
  );
}

export function patchAt<T>(items: readonly T[], index: number, patch: Partial<T>): T[] {
  return items.map((item, position) => (position === index ? { ...item, ...patch } : item));
}
