import { useDocumentTitle } from '@/shared/hooks/useDocumentTitle';
import { NotFoundState } from './NotFoundState';

export function NotFoundPage() {
  useDocumentTitle('Not found');
  return (
    <NotFoundState title="There is no page here">
      <p>The address may be mistyped, or the page may have moved.</p>
    </NotFoundState>
  );
}
