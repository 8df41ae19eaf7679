import type { AutomationDetailFragment } from '@/gql/graphql';

/**
 * Backstage annotations and labels, as the catalog file wrote them. Well-known annotations (PagerDuty,
 * GitHub, Grafana, Backstage's view and edit URLs, the source location) open where they point.
 */
export function AnnotationList({ annotations, labels }: Pick<AutomationDetailFragment, 'annotations' | 'labels'>) {
  if (annotations.length === 0 && labels.length === 0) {
    return <p className="muted">No Backstage annotations or labels.</p>;
  }
  return (
    <dl className="facts annotations">
      {annotations.map((annotation) => (
        <div key={annotation.key}>
          <dt>{annotation.key}</dt>
          <dd>
            {annotation.url === null ? (
              <code>{annotation.value}</code>
            ) : (
              <a href={annotation.url} target="_blank" rel="noopener noreferrer" title={annotation.value}>
                {annotation.label ?? annotation.value}
              </a>
            )}
          </dd>
        </div>
      ))}
      {labels.map((label) => (
        <div key={`label:${label.key}`}>
          <dt>
            {label.key} <span className="muted">(label)</span>
          </dt>
          <dd>
            <code>{label.value}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
