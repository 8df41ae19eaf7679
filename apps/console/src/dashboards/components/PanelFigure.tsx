import type { ReactNode } from 'react';
import { InfoTip } from '@/shared/components/InfoTip';
import stat from '@/shared/components/Stat.module.css';

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
    <div className={stat.stat} role="group" aria-label={label}>
      <p className={stat.label}>
        {label} <InfoTip label={`How “${label}” is computed`}>{how}</InfoTip>
      </p>
      <p className={tone === undefined ? stat.value : `${stat.value} ${stat[tone]}`}>{value}</p>
      {detail ? <p className={stat.detail}>{detail}</p> : null}
    </div>
  );
}
