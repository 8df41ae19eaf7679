/** One annotation as shown: well-known ones carry a link and say what they are. */
export interface ShownAnnotation {
  key: string;
  value: string;
  /** What the link opens, e.g. "PagerDuty service"; null for annotations Roundhouse does not know. */
  label: string | null;
  url: string | null;
}

const httpUrl = (value: string): string | null => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
};

/**
 * The annotations Backstage users put on their entities and where each leads. Only http(s) links are
 * made, so a value cannot smuggle a `javascript:` URL onto the page.
 */
const WELL_KNOWN: Readonly<Record<string, { label: string; url: (value: string) => string | null }>> = {
  'pagerduty.com/service-id': {
    label: 'PagerDuty service',
    // app.pagerduty.com sends a signed-in user on to their own account's address.
    url: (id) => (/^[A-Z0-9]+$/i.test(id) ? `https://app.pagerduty.com/service-directory/${id}` : null),
  },
  'github.com/project-slug': {
    label: 'GitHub project',
    url: (slug) => (/^[\w.-]+\/[\w.-]+$/.test(slug) ? `https://github.com/${slug}` : null),
  },
  'grafana/overview-dashboard': { label: 'Grafana dashboard', url: httpUrl },
  'backstage.io/view-url': { label: 'View in Backstage', url: httpUrl },
  'backstage.io/edit-url': { label: 'Edit the definition', url: httpUrl },
  // `url:<address>` for a source in a repository; `file:` locations have no address to open.
  'backstage.io/source-location': { label: 'Source', url: (value) => (value.startsWith('url:') ? httpUrl(value.slice('url:'.length)) : null) },
};

export function showAnnotations(annotations: Readonly<Record<string, string>>): ShownAnnotation[] {
  return Object.keys(annotations)
    .sort()
    .map((key) => {
      const value = annotations[key] ?? '';
      const known = WELL_KNOWN[key];
      const url = known?.url(value) ?? null;
      return { key, value, label: url === null ? null : (known?.label ?? null), url };
    });
}
