import { Link } from 'react-router';
import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { ButtonLink } from '@/shared/ui/Button';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { ReprocessRequestList } from './ReprocessRequestList';

/** Every reprocess and discard request, newest first. */
export function ReprocessRequestsPage() {
  useDocumentTitle('Reprocessing');
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Reprocessing</h1>
          <p className="muted">
            Every reprocess and discard of dead letters, newest first: who asked, why, and how far it has come. Start one from the{' '}
            <Link to="/dead-letters">dead-letter workbench</Link>.
          </p>
        </div>
      </header>
      <ReprocessRequestList
        automation={null}
        emptyState={
          <State role="status" aria-labelledby="reprocess-empty-title">
            <StateTitle id="reprocess-empty-title">Nothing reprocessed or discarded yet</StateTitle>
            <StateText>
              Select dead letters in the workbench, or everything matching a filter, and reprocess or discard them. Each request shows here with its progress and its record.
            </StateText>
            <ButtonLink to="/dead-letters">Open the dead-letter workbench</ButtonLink>
          </State>
        }
      />
    </div>
  );
}
