/** One field's problem, by path in the caller's input (`kpis[0].baseline.note`). */
export interface FieldError {
  path: string;
  message: string;
  found?: string;
  allowed?: string;
}

/**
 * The errors services throw. One global filter maps each kind to GraphQL and HTTP; services never
 * throw transport errors. A feature may give its own `code` to a kind.
 */
export type DomainErrorKind = 'input' | 'not_found' | 'conflict' | 'not_allowed' | 'unauthenticated' | 'too_large' | 'unsupported_media' | 'too_slow';

export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  abstract readonly code: string;
  readonly fields: FieldError[] = [];
}

export class InputError extends DomainError {
  readonly kind = 'input';
  readonly code: string = 'BAD_USER_INPUT';
  override readonly fields: FieldError[];

  constructor(message: string, fields: FieldError[]) {
    super(message);
    this.fields = fields;
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not_found';
  readonly code: string = 'NOT_FOUND';
}

export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  readonly code: string = 'CONFLICT';
  override readonly fields: FieldError[];

  constructor(message: string, field?: string) {
    super(message);
    this.fields = field === undefined ? [] : [{ path: field, message }];
  }
}

export class NotAllowedError extends DomainError {
  readonly kind = 'not_allowed';
  readonly code: string = 'FORBIDDEN';
}

export class NotSignedInError extends DomainError {
  readonly kind = 'unauthenticated';
  readonly code: string = 'UNAUTHENTICATED';

  constructor(message = 'Sign in to use Roundhouse.') {
    super(message);
  }
}

/** A request larger than a documented limit; the message names the limit. */
export class TooLargeError extends DomainError {
  readonly kind = 'too_large';
  readonly code: string = 'PAYLOAD_TOO_LARGE';
}

/** A body in a form (encoding, media type) the route does not take; the message names what it takes. */
export class UnsupportedMediaError extends DomainError {
  readonly kind = 'unsupported_media';
  readonly code: string = 'UNSUPPORTED_MEDIA_TYPE';
}

/** A request whose database work took longer than its budget and was stopped; the message names the budget. */
export class TooSlowError extends DomainError {
  readonly kind = 'too_slow';
  readonly code: string = 'REQUEST_TIMEOUT';
}
