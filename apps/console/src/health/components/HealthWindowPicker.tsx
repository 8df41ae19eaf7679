import { HEALTH_WINDOWS, HEALTH_WINDOW_LABELS, type HealthWindow } from '../healthWindow';

interface HealthWindowPickerProps {
  value: HealthWindow;
  onChange: (value: HealthWindow) => void;
}

export function HealthWindowPicker({ value, onChange }: HealthWindowPickerProps) {
  return (
    <div className="segmented" role="group" aria-label="Time window">
      {HEALTH_WINDOWS.map((option) => (
        <button
          key={option}
          type="button"
          className={option === value ? 'segmented__option segmented__option--active' : 'segmented__option'}
          aria-pressed={option === value}
          title={HEALTH_WINDOW_LABELS[option]}
          onClick={() => onChange(option)}
        >
          {option}
        </button>
      ))}
    </div>
  );
}
