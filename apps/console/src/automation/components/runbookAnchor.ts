export function runbookAnchor(id: string): string {
  return `runbook-${id}`;
}
