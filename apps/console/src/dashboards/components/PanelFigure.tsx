import type { ReactNode } from 'react';
import { InfoTip } from '@/shared/components/InfoTip';

interface PanelFigureProps {
  label: string;
  value: ReactNode;
  /** How the number is computed, in plain words (the tooltip). */
  how: string;
  detail?: ReactNode;
  tone?: 'good' | 'bad';
}

/** One headline number of a panel, with its label, how it is computed, and a line of detail. */
export function PanelFigure({ label, value, how, detail, tone }: PanelFigureProps) {
  return (
    <div className="stat" role="group" aria-label={label}>
      <p className="stat__label">
        {label} <InfoTip label={`How “${label}” is computed`}>{how}</InfoTip>
      </p>
      <p className={tone ? `stat__value stat__value--${tone}` : 'stat__value'}>{value}</p>
      {detail ? <p className="stat__detail">{detail}</p> : null}
    </div>
  );
}
