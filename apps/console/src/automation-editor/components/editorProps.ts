export type ListUpdater<T> = (update: (items: T[]) => T[]) => void;

export interface ListEditorProps<T> {
  items: T[];
  update: ListUpdater<T>;
  /** Items were removed: problems placed by index are stale. */
  onItemsMoved: () => void;
}
