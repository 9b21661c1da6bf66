// API failures as sentences people can act on: never swallowed, never a raw stack.
import type { CombinedError } from 'urql';

interface Issue {
  path?: string;
  message?: string;
}

export function sentence(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.networkError) return 'Gatehouse cannot be reached. Check the connection and try again.';
  const first = error.graphQLErrors[0];
  if (!first) return error.message;
  switch (first.extensions.code) {
    case 'UNAUTHENTICATED':
      return 'Your session has ended. Sign in again.';
    case 'FORBIDDEN':
      return 'Your account may not do this: it needs an administrator.';
    case 'BAD_USER_INPUT': {
      const issues = (first.extensions.issues ?? []) as Issue[];
      const details = issues.filter((issue) => issue.message).map((issue) => `${subject(issue.path)}${issue.message}`);
      return details.length ? `${details.join('. ')}.`.replace(/\.\.$/, '.') : first.message;
    }
    default:
      return first.message;
  }
}

/** "input.expiresInDays" -> "Expires in days " (what a message like "must be at least 1" is about). */
function subject(path: string | undefined): string {
  const last = path?.split('.').filter((part) => part && !/^\d+$/.test(part)).at(-1);
  if (!last || last === 'input') return '';
  const words = last.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/\burl\b/, 'URL').replace(/\bid\b/, 'ID');
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} `;
}

/** A typed error result (`... on Error { code message }`) or a transport error, as one sentence; null on success. */
export function resultError(
  error: CombinedError | undefined,
  data: { __typename?: string; message?: string } | null | undefined,
): string | null {
  return sentence(error) ?? (data && 'message' in data && data.message ? asSentence(data.message) : null);
}

/** A message that ends as a sentence does (some of the API's typed messages stop without a full stop). */
export function asSentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A text field of a submitted form ('' when absent). */
export function field(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}
