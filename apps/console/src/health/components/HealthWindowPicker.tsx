import { Segmented, SegmentedOption } from '@/shared/components/Segmented';
import { HEALTH_WINDOWS, HEALTH_WINDOW_LABELS, type HealthWindow } from '../healthWindow';

interface HealthWindowPickerProps {
  value: HealthWindow;
  onChange: (value: HealthWindow) => void;
}

export function HealthWindowPicker({ value, onChange }: HealthWindowPickerProps) {
  return (
    <Segmented label="Time window">
      {HEALTH_WINDOWS.map((option) => (
        <SegmentedOption key={option} active={option === value} title={HEALTH_WINDOW_LABELS[option]} onClick={() => onChange(option)}>
          {option}
        </SegmentedOption>
      ))}
    </Segmented>
  );
}
