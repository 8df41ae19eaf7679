import type { ReactNode } from 'react';
import { Panel, PanelHeader, PanelTitle } from '@/shared/ui/Panel';

/** A titled panel of the automation page. */
export function PageSection({ id, title, children, actions }: { id: string; title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Panel aria-labelledby={id}>
      <PanelHeader>
        <PanelTitle id={id}>{title}</PanelTitle>
        {actions}
      </PanelHeader>
      {children}
    </Panel>
  );
}
