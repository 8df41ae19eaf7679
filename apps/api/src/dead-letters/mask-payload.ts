export const MASK = '••••';

function maskAt(value: unknown, path: readonly string[]): unknown {
  if (path.length === 0) {
    return value === undefined ? value : MASK;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    return head === '*' ? value.map((item) => maskAt(item, rest)) : value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(record).map(([key, child]) => [key, head === '*' || head === key ? maskAt(child, rest) : child]),
    );
  }
  return value;
}

/**
 * The payload with every sensitive field (dotted paths, `*` for any key or list item:
 * `customer.email`, `lines.*.iban`) replaced by a mask. Returns whether anything was masked.
 */
export function maskPayload(payload: unknown, sensitiveFields: readonly string[]): { payload: unknown; masked: boolean } {
  let result = payload;
  for (const field of sensitiveFields) {
    result = maskAt(result, field.split('.'));
  }
  return { payload: result, masked: JSON.stringify(result) !== JSON.stringify(payload) };
}
