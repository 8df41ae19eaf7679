import { useEffect, useRef, useState } from 'react';
import { Field } from '@/shared/ui/Field';
import styles from './FilterBar.module.css';

interface TextFilterFieldProps {
  id: string;
  label: string;
  placeholder: string;
  /** The filter as applied (from the URL). */
  value: string;
  onCommit: (value: string) => void;
  /** Takes the rest of the row (long text: an error, a correlation id). */
  wide?: boolean;
}

/** A text filter applied on Enter, when its form is sent, or when the field is left, not on every keystroke; trimmed. */
export function TextFilterField({ id, label, placeholder, value, onCommit, wide = false }: TextFilterFieldProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const input = useRef<HTMLInputElement>(null);
  const commit = () => {
    if (text.trim() !== value) {
      onCommit(text.trim());
    }
  };
  const latestCommit = useRef(commit);
  latestCommit.current = commit;
  useEffect(() => {
    const form = input.current?.form;
    const onSubmit = () => latestCommit.current();
    form?.addEventListener('submit', onSubmit);
    return () => form?.removeEventListener('submit', onSubmit);
  }, []);

  return (
    <Field id={id} label={label} compact className={wide ? styles.wide : undefined}>
      {(control) => (
        <input
          {...control}
          ref={input}
          type="search"
          placeholder={placeholder}
          autoComplete="off"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={commit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              commit();
            }
          }}
        />
      )}
    </Field>
  );
}
