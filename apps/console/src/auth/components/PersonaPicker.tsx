import type { Persona } from '../api/session';
import { ROLE_LABELS } from '@/shared/format/labels';
import { Badge } from '@/shared/components/Badge';
import styles from './PersonaPicker.module.css';

interface PersonaPickerProps {
  personas: readonly Persona[];
  onPick: (persona: Persona) => void;
  /** The persona being signed in, while the request runs. */
  pending: string | undefined;
}

export function PersonaPicker({ personas, onPick, pending }: PersonaPickerProps) {
  if (personas.length === 0) {
    return <p className="muted">Dev sign-in is on, but the api offers no personas.</p>;
  }
  return (
    <ul className={styles.list} aria-label="Personas">
      {personas.map((persona) => (
        <li key={persona.id}>
          <button
            type="button"
            className={styles.persona}
            data-persona={persona.id}
            aria-label={`Sign in as ${persona.name}`}
            disabled={pending !== undefined}
            onClick={() => onPick(persona)}
          >
            <span className={styles.name}>{persona.name}</span>
            {persona.role ? <Badge tone="muted">{ROLE_LABELS[persona.role]}</Badge> : null}
            <span className={styles.detail}>{persona.teams.length > 0 ? `Team ${persona.teams.join(', ')}` : 'No team'}</span>
            {persona.description ? <span className={styles.detail}>{persona.description}</span> : null}
            {pending === persona.id ? <span className={styles.detail}>Signing in…</span> : null}
          </button>
        </li>
      ))}
    </ul>
  );
}
