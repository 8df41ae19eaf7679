import type { AutomationDetailFragment } from '@/gql/graphql';
import { Timeline, TimelineItem } from '@/shared/components/Timeline';
import { formatDate } from '@/shared/format/dates';

export function ReleaseTimeline({ releases }: { releases: AutomationDetailFragment['releases'] }) {
  if (releases.length === 0) {
    return <p className="muted">No releases recorded. Each release should say what it changed and why.</p>;
  }
  const newestFirst = [...releases].sort((a, b) => b.date.localeCompare(a.date));
  return (
    <Timeline label="Releases, newest first">
      {newestFirst.map((release) => (
        <TimelineItem
          key={`${release.version}-${release.date}`}
          marker="accent"
          heading={
            <>
              <span className="strong">Release {release.version}</span> · <time dateTime={release.date}>{formatDate(release.date)}</time>
            </>
          }
        >
          <p>{release.summary}</p>
          {release.why ? (
            <p className="muted">
              <span className="strong">Why:</span> {release.why}
            </p>
          ) : null}
        </TimelineItem>
      ))}
    </Timeline>
  );
}
