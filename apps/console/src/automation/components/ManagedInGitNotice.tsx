import { Banner } from '@/shared/ui/Banner';
export const MANAGED_IN_GIT_NOTICE_ID = 'managed-in-git-notice';

export function managedInGitText(sourceFile: string | null): string {
  return `Managed in Git: ${sourceFile ?? 'a catalog file'} — edit the file and the catalog will sync`;
}

/** File-managed automations are read-only here, like any GitOps object: the file is the truth. */
export function ManagedInGitNotice({ sourceFile }: { sourceFile: string | null }) {
  return (
    <Banner tone="info" id={MANAGED_IN_GIT_NOTICE_ID}>
      <span className="strong">Managed in Git:</span> <code>{sourceFile ?? 'a catalog file'}</code> — edit the file and the catalog will sync.
    </Banner>
  );
}
