/**
 * The level a strength meter shows, after the policy is applied. `rejected`: the host refused
 * this password (`setVerdict()` with `password-reused` or `password-rejected`).
 */
export type SereinStrengthLevel =
  'empty' | 'too-short' | 'checking' | 'weak' | 'fair' | 'good' | 'strong' | 'breached' | 'rejected';

/** The host's refusals a strength meter shows for the value they were made for (`setVerdict()`). */
export type SereinStrengthVerdict = 'password-breached' | 'password-reused' | 'password-rejected';

/** Detail of `serein-strength-change`. It never carries the password. */
export interface SereinStrengthChangeDetail {
  /** 0 (empty, too short or breached) to 4 (strong); never above 0 when the policy refuses it. */
  score: 0 | 1 | 2 | 3 | 4;
  /** The level the meter shows. */
  level: SereinStrengthLevel;
  /** True when the password meets `min-length`, was not reported breached and was not refused by the host. */
  acceptable: boolean;
  /** The warning shown, in the active language, or an empty string. */
  warning: string;
  /** The suggestions shown, in the active language. */
  suggestions: string[];
}

export type SereinStrengthChangeEvent = CustomEvent<SereinStrengthChangeDetail>;

declare global {
  interface HTMLElementEventMap {
    'serein-strength-change': SereinStrengthChangeEvent;
  }
}
