/** An automation and the OpenTelemetry service.name its runtime binding names, if any. */
export interface ServiceNameBinding {
  slug: string;
  serviceName: string | undefined;
}

/** One service.name named by more than one automation's binding: its spans could not say which automation ran. */
export interface ServiceNameClash {
  serviceName: string;
  /** The automations naming it, sorted. */
  slugs: string[];
}

/** Every service.name that two or more of these automations name (each automation counted once). */
export function serviceNameClashes(bindings: readonly ServiceNameBinding[]): ServiceNameClash[] {
  const bySlugs = new Map<string, Set<string>>();
  for (const { slug, serviceName } of bindings) {
    if (serviceName !== undefined) {
      bySlugs.set(serviceName, (bySlugs.get(serviceName) ?? new Set()).add(slug));
    }
  }
  return [...bySlugs]
    .filter(([, slugs]) => slugs.size > 1)
    .map(([serviceName, slugs]) => ({ serviceName, slugs: [...slugs].sort() }))
    .sort((a, b) => (a.serviceName < b.serviceName ? -1 : 1));
}

/** `a and b`, `a, b and c`. */
function slugList(slugs: readonly string[]): string {
  return slugs.length <= 1 ? (slugs[0] ?? '') : `${slugs.slice(0, -1).join(', ')} and ${slugs.at(-1) ?? ''}`;
}

/** What a refused binding found, naming every automation that names the service: `"billing-worker", named by the runtime bindings of both invoice-generation and payout-reconciliation`. */
export function clashFound(clash: ServiceNameClash): string {
  return `${JSON.stringify(clash.serviceName)}, named by the runtime bindings of ${clash.slugs.length === 2 ? 'both ' : 'all of '}${slugList(clash.slugs)}`;
}

/** What a binding's serviceName may be, and why. */
export const SERVICE_NAME_ALLOWED =
  'a service.name no other automation’s runtime binding names: spans sent to /v1/traces from a shared service.name could not say which automation ran';
