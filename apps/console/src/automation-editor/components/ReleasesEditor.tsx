import { fieldPath } from '../form/fieldPaths';
import { type ReleaseValues, newRelease } from '../form/formValues';
import type { ListEditorProps } from './editorProps';
import { TextAreaField, TextField } from './FormField';
import { RepeatableList, patchAt } from './RepeatableList';
import { FieldGrid } from './FieldGrid';

export function ReleasesEditor({ items, update, onItemsMoved }: ListEditorProps<ReleaseValues>) {
  return (
    <RepeatableList
      list="releases"
      items={items}
      empty="No releases yet: each one says what changed and why, in words the business can repeat."
      onAdd={() => update((releases) => [...releases, newRelease()])}
      onRemove={(index) => {
        onItemsMoved();
        update((releases) => releases.filter((_, position) => position !== index));
      }}
      renderItem={(release, index, isNew) => {
        const change = (patch: Partial<ReleaseValues>) => update((releases) => patchAt(releases, index, patch));
        return (
          <>
            <FieldGrid columns={2}>
              <TextField
                path={fieldPath.release(index, 'version')}
                required
                autoFocus={isNew}
                placeholder="1.1"
                value={release.version}
                onChange={(version) => change({ version })}
              />
              <TextField path={fieldPath.release(index, 'date')} required type="date" value={release.date} onChange={(date) => change({ date })} />
            </FieldGrid>
            <TextAreaField
              path={fieldPath.release(index, 'summary')}
              required
              rows={2}
              placeholder="Retries with backoff on NetSuite 429s; dead letters routed to invoices.generate.dlq."
              value={release.summary}
              onChange={(summary) => change({ summary })}
            />
            <TextAreaField
              path={fieldPath.release(index, 'why')}
              rows={2}
              placeholder="Month-end spikes hit NetSuite's concurrency limit and silently dropped invoices."
              value={release.why}
              onChange={(why) => change({ why })}
            />
          </>
        );
      }}
    />
  );
}
