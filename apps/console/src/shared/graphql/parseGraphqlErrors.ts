import { ApiError, type ApiErrorCode, type ApiFieldError, isApiErrorCode as isKnownCode } from './ApiError';

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `["kpis", 0, "baseline", "note"]` → `kpis[0].baseline.note`. */
function pathFromSegments(segments: readonly unknown[]): string {
  return segments.reduce<string>((path, segment) => {
    if (typeof segment === 'number') {
      return `${path}[${segment}]`;
    }
    const name = String(segment);
    return path === '' ? name : `${path}.${name}`;
  }, '');
}

function describeValue(value: unknown): string | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value.join(', ');
  }
  return JSON.stringify(value);
}

function parseField(raw: unknown): ApiFieldError | undefined {
  if (!isObject(raw)) {
    return undefined;
  }
  const path = Array.isArray(raw.path) ? pathFromSegments(raw.path) : raw.path;
  if (typeof path !== 'string') {
    return undefined;
  }
  const message = typeof raw.message === 'string' ? raw.message : 'is not valid';
  const found = describeValue(raw.found);
  const allowed = describeValue(raw.allowed);
  return {
    path,
    message,
    ...(found === undefined ? {} : { found }),
    ...(allowed === undefined ? {} : { allowed }),
  };
}

/**
 * Turns the `errors` array of a GraphQL response into one ApiError. The first error decides the
 * code and message; field problems are collected from every BAD_USER_INPUT error.
 */
export function parseGraphqlErrors(errors: readonly unknown[], status: number): ApiError {
  const first = errors[0];
  const extensions = isObject(first) && isObject(first.extensions) ? first.extensions : {};
  const rawCode = typeof extensions.code === 'string' ? extensions.code : undefined;
  const code: ApiErrorCode = rawCode !== undefined && isKnownCode(rawCode) ? rawCode : 'UNEXPECTED_RESPONSE';
  const message = isObject(first) && typeof first.message === 'string' ? first.message : 'The api returned an error.';

  const fields = errors.flatMap((error) => {
    if (!isObject(error) || !isObject(error.extensions) || !Array.isArray(error.extensions.fields)) {
      return [];
    }
    return error.extensions.fields.map(parseField).filter((field) => field !== undefined);
  });

  return new ApiError({
    code,
    message,
    fields,
    status,
    ...(rawCode !== undefined && !isKnownCode(rawCode) ? { rawCode } : {}),
  });
}
