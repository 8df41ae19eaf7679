import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Banner } from '@/shared/ui/Banner';
import { retentionWarningsQueryOptions } from '../api/retentionWarningsQuery';

/**
 * Says which failures their runtime's source will remove within a day (a queue's TTL, BullMQ's
 * removeOnFail), so someone reprocesses or discards them first. Nothing at all when none will, or
 * when the warnings cannot be read (the page itself still works).
 */
export function RetentionWarnings({ automation, linkToDeadLetters = false }: { automation: string | null; linkToDeadLetters?: boolean }) {
  const query = useQuery(retentionWarningsQueryOptions(automation));
  const warnings = query.data?.deadLetterRetentionWarnings ?? [];
  if (warnings.length === 0) {
    return null;
  }
  return (
    <Banner tone="caution" as="section" aria-label="Dead letters about to expire">
      <strong>Failures about to vanish from their source</strong>
      <ul>
        {warnings.map((warning) => (
          <li key={`${warning.automation}\u0000${warning.sourceQueue}`}>
            {automation === null ? <code>{warning.automation}</code> : null}
            {automation === null ? ': ' : null}
            {warning.message}
            {linkToDeadLetters ? (
              <>
                {' '}
                <Link to={`/dead-letters?automation=${encodeURIComponent(warning.automation)}`}>See them</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </Banner>
  );
}
