/** Every error code a host may reject with (`docs/contract.md`, "Errors"). */
export const SEREIN_ERROR_CODES = [
  'network',
  'unavailable',
  'rate-limited',
  'unknown',
  'current-password-incorrect',
  'password-rejected',
  'password-breached',
  'password-reused',
  'code-incorrect',
  'code-expired',
  'too-many-attempts',
  'passkey-not-verified',
  'passkey-unknown-credential',
] as const;

export type SereinErrorCode = (typeof SEREIN_ERROR_CODES)[number];

/** What a host rejects a `waitUntil`/`respondWith` promise with. An `Error` with these fields works too. */
export interface SereinError {
  code: SereinErrorCode;
  /** Seconds before trying again makes sense (`rate-limited`, `too-many-attempts`). */
  retryAfterSeconds?: number;
  /** Attempts left before a lock-out (`code-incorrect`). */
  attemptsLeft?: number;
  /** A support id from the host, shown with a copy button. */
  reference?: string;
  /** The host's own explanation, shown as plain text. */
  message?: string;
}

const known = new Set<string>(SEREIN_ERROR_CODES);

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Turns whatever a host rejected with into a `SereinError`. Unknown codes become `unknown`;
 * a `TypeError` (what `fetch` throws when the network fails) becomes `network`. An `Error`'s
 * own message is kept only when it carries a known code: stack traces and library messages are
 * not for customers.
 */
export function toSereinError(reason: unknown): SereinError {
  const rawCode = field(reason, 'code');
  if (typeof rawCode !== 'string' && reason instanceof TypeError) return {code: 'network'};
  const code: SereinErrorCode =
    typeof rawCode === 'string' && known.has(rawCode) ? (rawCode as SereinErrorCode) : 'unknown';
  const error: SereinError = {code};
  const retryAfterSeconds = count(field(reason, 'retryAfterSeconds'));
  if (retryAfterSeconds !== undefined) error.retryAfterSeconds = retryAfterSeconds;
  const attemptsLeft = count(field(reason, 'attemptsLeft'));
  if (attemptsLeft !== undefined) error.attemptsLeft = attemptsLeft;
  const reference = text(field(reason, 'reference'));
  if (reference !== undefined) error.reference = reference;
  const message = typeof rawCode === 'string' ? text(field(reason, 'message')) : undefined;
  if (message !== undefined) error.message = message;
  return error;
}
