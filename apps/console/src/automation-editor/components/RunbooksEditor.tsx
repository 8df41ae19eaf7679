import { useState } from 'react';
import { MarkdownText } from '@/shared/components/MarkdownText';
import { Button } from '@/shared/ui/Button';
import { fieldPath } from '../form/fieldPaths';
import { type RunbookValues, newRunbook } from '../form/formValues';
import type { ListEditorProps } from './editorProps';
import { TextAreaField, TextField } from './FormField';
import { RepeatableList, patchAt } from './RepeatableList';
import styles from './RunbooksEditor.module.css';
import { FieldGrid } from './FieldGrid';

function RunbookPreview({ markdown }: { markdown: string }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <Button variant="quiet" size="small" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide preview' : 'Preview'}
      </Button>
      {open ? <div className={styles.preview}>{markdown.trim() ? <MarkdownText markdown={markdown} /> : <p className="muted">Nothing to preview yet.</p>}</div> : null}
    </div>
  );
}

export function RunbooksEditor({ items, update, onItemsMoved }: ListEditorProps<RunbookValues>) {
  return (
    <RepeatableList
      list="runbooks"
      items={items}
      empty="No runbooks yet: how to reprocess dead letters, roll back, and who to tell."
      onAdd={() => update((runbooks) => [...runbooks, newRunbook()])}
      onRemove={(index) => {
        onItemsMoved();
        update((runbooks) => runbooks.filter((_, position) => position !== index));
      }}
      renderItem={(runbook, index, isNew) => {
        const change = (patch: Partial<RunbookValues>) => update((runbooks) => patchAt(runbooks, index, patch));
        return (
          <>
            <FieldGrid columns={2}>
              <TextField
                path={fieldPath.runbook(index, 'id')}
                required
                autoFocus={isNew}
                placeholder="reprocess-dead-letters"
                hint="SLOs name their runbook by this id."
                value={runbook.id}
                onChange={(id) => change({ id })}
              />
              <TextField
                path={fieldPath.runbook(index, 'title')}
                required
                placeholder="Failed invoices — triage and reprocess dead letters"
                value={runbook.title}
                onChange={(title) => change({ title })}
              />
            </FieldGrid>
            <TextAreaField
              path={fieldPath.runbook(index, 'markdown')}
              required
              monospace
              rows={10}
              hint="Markdown. Start with the business impact, then the steps. HTML is not rendered."
              value={runbook.markdown}
              onChange={(markdown) => change({ markdown })}
            />
            <RunbookPreview markdown={runbook.markdown} />
          </>
        );
      }}
    />
  );
}
