import { Dialog } from '@/shared/components/Dialog';
import { describeError } from '@/shared/graphql/ApiError';
import { Banner } from '@/shared/ui/Banner';
import { Button } from '@/shared/ui/Button';
import { useArchiveAutomation } from '../hooks/useArchiveAutomation';

interface ArchiveAutomationDialogProps {
  slug: string;
  title: string;
  onClose: () => void;
}

/** Says what archiving does before it does it. */
export function ArchiveAutomationDialog({ slug, title, onClose }: ArchiveAutomationDialogProps) {
  const archive = useArchiveAutomation();
  return (
    <Dialog
      title={`Archive “${title}”?`}
      onClose={onClose}
      actions={
        <>
          <Button variant="danger" disabled={archive.isPending} onClick={() => archive.mutate({ slug }, { onSuccess: onClose })}>
            {archive.isPending ? 'Archiving…' : 'Archive automation'}
          </Button>
          <Button onClick={onClose} disabled={archive.isPending}>
            Cancel
          </Button>
        </>
      }
    >
      <p>
        Archiving takes <span className="strong">{slug}</span> out of the catalog list. Its page, history and YAML export stay available, and “Show archived” in the catalog still
        finds it.
      </p>
      {archive.isError ? (
        <Banner tone="error" role="alert">
          Not archived: {describeError(archive.error)}
        </Banner>
      ) : null}
    </Dialog>
  );
}
