import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { State, StateText, StateTitle } from '@/shared/ui/State';
import { RunsExplorer } from './RunsExplorer';

/** Every automation's runs in one place: the first stop for "what is failing right now?". */
export function RunsPage() {
  useDocumentTitle('Runs');
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Runs</h1>
          <p className="muted">Every run reported by every automation, newest first. A correlation id opens the whole transaction.</p>
        </div>
      </header>
      <RunsExplorer
        emptyState={
          <State role="status" aria-labelledby="runs-empty-title">
            <StateTitle id="runs-empty-title">No runs reported yet</StateTitle>
            <StateText>Runtimes report through the SDK with a runtime token; their runs show here as they happen.</StateText>
          </State>
        }
      />
    </div>
  );
}
