import { LINK_TYPE_LABELS, optionsOf } from '@/shared/format/labels';
import { fieldPath } from '../form/fieldPaths';
import { type LinkValues, newLink } from '../form/formValues';
import type { ListEditorProps } from './editorProps';
import { SelectField, TextField } from './FormField';
import { RepeatableList, patchAt } from './RepeatableList';
import { FieldGrid } from './FieldGrid';

const LINK_TYPES = optionsOf(LINK_TYPE_LABELS);

export function LinksEditor({ items, update, onItemsMoved }: ListEditorProps<LinkValues>) {
  return (
    <RepeatableList
      list="links"
      items={items}
      empty="No links yet: add the dashboards, repository and docs an on-call engineer needs."
      onAdd={() => update((links) => [...links, newLink()])}
      onRemove={(index) => {
        onItemsMoved();
        update((links) => links.filter((_, position) => position !== index));
      }}
      renderItem={(link, index, isNew) => {
        const change = (patch: Partial<LinkValues>) => update((links) => patchAt(links, index, patch));
        return (
          <FieldGrid columns={3}>
            <TextField path={fieldPath.link(index, 'title')} required autoFocus={isNew} value={link.title} onChange={(title) => change({ title })} />
            <TextField path={fieldPath.link(index, 'url')} required type="url" placeholder="https://" value={link.url} onChange={(url) => change({ url })} />
            <SelectField path={fieldPath.link(index, 'type')} options={LINK_TYPES} value={link.type} onChange={(type) => change({ type })} />
          </FieldGrid>
        );
      }}
    />
  );
}
