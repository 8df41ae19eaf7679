import { useState } from 'react';
import { Dialog, DialogStatus } from '@/shared/components/Dialog';
import { ErrorState } from '@/shared/components/ErrorState';
import { LoadingMessage, SkeletonLine } from '@/shared/components/Skeleton';
import { Button } from '@/shared/ui/Button';
import { useExportAutomation } from '../hooks/useExportAutomation';

type CopyState = 'idle' | 'copied' | 'failed';

/** The automation as catalog YAML, ready to commit: the exit door stays unlocked. */
export function ExportYamlDialog({ slug, onClose }: { slug: string; onClose: () => void }) {
  const exported = useExportAutomation(slug);
  const [copy, setCopy] = useState<CopyState>('idle');

  const copyToClipboard = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      setCopy('failed');
    }
  };

  return (
    <Dialog
      title={`Export ${slug} as YAML`}
      onClose={onClose}
      wide
      actions={
        <>
          <DialogStatus role="status">
            {copy === 'copied' ? 'Copied to the clipboard.' : copy === 'failed' ? 'Could not copy: select the text and copy it by hand.' : ''}
          </DialogStatus>
          <Button variant="primary" disabled={!exported.isSuccess} onClick={() => exported.data && void copyToClipboard(exported.data.exportAutomation)}>
            Copy YAML
          </Button>
          <Button onClick={onClose}>Close</Button>
        </>
      }
    >
      <p className="muted">
        Save this as <code>catalog/automations/{slug}.yaml</code> in Git to manage the automation as code.
      </p>
      {exported.isPending ? (
        <div className="stack">
          <LoadingMessage>Exporting…</LoadingMessage>
          <SkeletonLine width="60%" />
          <SkeletonLine width="80%" />
          <SkeletonLine width="45%" />
        </div>
      ) : exported.isError ? (
        <ErrorState title="The export failed" error={exported.error} onRetry={() => void exported.refetch()} retrying={exported.isFetching} />
      ) : (
        <pre className="code-block" aria-label="Catalog YAML" tabIndex={0}>
          <code>{exported.data.exportAutomation}</code>
        </pre>
      )}
    </Dialog>
  );
}
