import { type ApiFieldError, describeError, isApiError } from '@/shared/graphql/ApiError';

export interface SubmitProblems {
  /** Problems with one input each. */
  fields: ApiFieldError[];
  /** A problem with the whole request, shown at the top of the form. */
  message?: string;
}

/** How a failed save is shown: BAD_USER_INPUT by field, a duplicate slug on the slug, the rest on top. */
export function problemsFromError(error: unknown): SubmitProblems {
  if (!isApiError(error)) {
    return { fields: [], message: describeError(error) };
  }
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return error.fields.length > 0 ? { fields: [...error.fields] } : { fields: [], message: error.message };
    case 'CONFLICT':
      return { fields: error.fields.length > 0 ? [...error.fields] : [{ path: 'slug', message: error.message }] };
    case 'UNAUTHENTICATED':
      return {
        fields: [],
        message: 'Your session has ended. Sign in again in another tab, then save: nothing you typed here has been lost.',
      };
    case 'FORBIDDEN':
    case 'FILE_MANAGED':
    case 'NOT_FOUND':
    case 'INTERNAL_SERVER_ERROR':
    case 'NETWORK':
    case 'UNEXPECTED_RESPONSE':
      return { fields: [], message: describeError(error) };
  }
}
