import { createHash } from 'node:crypto';

const PLACEHOLDERS: [RegExp, string][] = [
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\bhttps?:\/\/\S+/gi, '<url>'],
  [/\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b/g, '<email>'],
  [/"[^"]*"|'[^']*'|`[^`]*`/g, '<value>'],
  [/\b(?=[0-9a-f]*\d)[0-9a-f]{12,}\b/gi, '<hex>'],
  [/\b[A-Z]{2,}[-_]?\d[\w-]*\b/g, '<id>'],
  [/[-+]?\d+([.,]\d+)*/g, '<n>'],
];

/**
 * An error message with what differs from message to message (ids, numbers, quoted values, emails,
 * URLs) replaced by placeholders, so the same failure reads the same:
 * `NetSuite rejected invoice INV-4711 for "Acme": amount 12.50` → `NetSuite rejected invoice <id> for <value>: amount <n>`.
 */
export function normalizeErrorMessage(message: string): string {
  let text = message.slice(0, 1000);
  for (const [pattern, placeholder] of PLACEHOLDERS) {
    text = text.replace(pattern, placeholder);
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** The group a dead letter belongs to: automation, source, error class and normalised message. */
export function errorFingerprint(parts: { automation: string; sourceKind: string; sourceQueue: string; errorClass: string; errorMessage: string }): string {
  const key = [parts.automation, `${parts.sourceKind}:${parts.sourceQueue}`, parts.errorClass, normalizeErrorMessage(parts.errorMessage)].join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 20);
}
