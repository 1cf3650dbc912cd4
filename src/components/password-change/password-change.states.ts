import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {formatNumber, isolate, plural} from '../../internal/format.js';
import {alertStyles} from '../../internal/alert.styles.js';
import {renderConfirmationTitle, renderErrorSummary} from '../../internal/alert.js';
import {errorText} from '../../internal/error-messages.js';
import {renderFormError} from '../../internal/error-view.js';
import {liveError, renderRetryLine, retryNews} from '../../internal/wait-view.js';
import type {PasswordFieldError, SereinPasswordChange} from './password-change.js';
import {t} from '../../internal/wording.js';

// The later states of <serein-password-change>, which its first render never shows: the
// problems of the fields and their summary, the form's error, a lock-out's wait, the thank-you
// state and its question. The view loads this module when one of them is entered, and ahead of
// time once the browser is idle (CONTRIBUTING.md, "The loading rule").

/** The alert box, the error summary and the confirmation heading, adopted when this module arrives. */
export const lightStyles = alertStyles('serein-password-change');

type El = SereinPasswordChange;

/** The words of a field's problem. */
export function fieldErrorText(el: El, error: PasswordFieldError | undefined): string {
  if (!error) return '';
  switch (error) {
    case 'current-empty':
      return t(
        el,
        'password-change.error.current-empty',
        msg('Enter your current password.', {id: 'password-change.error.current-empty'}),
      );
    case 'new-empty':
      return t(
        el,
        'password-change.error.new-empty',
        msg('Enter a new password.', {id: 'password-change.error.new-empty'}),
      );
    case 'too-short': {
      const min = formatNumber(el.effectiveMinLength);
      return t(
        el,
        'password-change.error.too-short',
        plural(el.effectiveMinLength, {
          zero: () =>
            msg(str`Use at least ${min} characters for your new password.`, {
              id: 'password-change.error.too-short.zero',
            }),
          one: () =>
            msg(str`Use at least ${min} character for your new password.`, {id: 'password-change.error.too-short.one'}),
          two: () =>
            msg(str`Use at least ${min} characters for your new password.`, {
              id: 'password-change.error.too-short.two',
            }),
          few: () =>
            msg(str`Use at least ${min} characters for your new password.`, {
              id: 'password-change.error.too-short.few',
            }),
          many: () =>
            msg(str`Use at least ${min} characters for your new password.`, {
              id: 'password-change.error.too-short.many',
            }),
          other: () =>
            msg(str`Use at least ${min} characters for your new password.`, {
              id: 'password-change.error.too-short.other',
            }),
        }),
        {min},
      );
    }
    case 'mismatch':
      return t(
        el,
        'password-change.error.mismatch',
        msg('The two new passwords are different. Type the same password in both fields.', {
          id: 'password-change.error.mismatch',
        }),
      );
    default:
      return [errorText(error, el.strings), isolate(error.message ?? '')].filter(Boolean).join(' ');
  }
}

function renderFeedback(el: El) {
  if (!el.askFeedback) return nothing;
  if (el.feedbackScore) {
    return html`<p role="status">
      ${t(el, 'password-change.feedback-thanks', msg('Thank you for your answer.', {id: 'password-change.feedback-thanks'}))}
    </p>`;
  }
  const words = [
    t(el, 'password-change.feedback-1', msg('Very hard', {id: 'password-change.feedback-1'})),
    t(el, 'password-change.feedback-2', msg('Hard', {id: 'password-change.feedback-2'})),
    t(el, 'password-change.feedback-3', msg('Neither easy nor hard', {id: 'password-change.feedback-3'})),
    t(el, 'password-change.feedback-4', msg('Easy', {id: 'password-change.feedback-4'})),
    t(el, 'password-change.feedback-5', msg('Very easy', {id: 'password-change.feedback-5'})),
  ];
  return html`<fieldset class="serein-password-change__feedback">
    <legend>
      ${t(el, 'password-change.feedback', msg('How easy was it to change your password?', {id: 'password-change.feedback'}))}
    </legend>
    ${([1, 2, 3, 4, 5] as const).map(
      (score) =>
        html`<button type="button" class="serein-button serein-button--quiet" @click=${() => el.sendFeedback(score)}>
          ${formatNumber(score)}<span class="serein-visually-hidden">${words[score - 1]}</span>
        </button>`,
    )}
    <p class="serein-hint" aria-hidden="true">${formatNumber(1)} = ${words[0]} · ${formatNumber(5)} = ${words[4]}</p>
  </fieldset>`;
}

/** The thank-you state (the form is gone, so browsers offer to save the new password). */
export function renderSuccess(el: El) {
  return html`<div class="serein-password-change__done">
    ${renderConfirmationTitle(
      el.ids.success,
      t(el, 'password-change.done-title', msg('Your password has been changed', {id: 'password-change.done-title'})),
    )}
    <p>
      ${t(el, 'password-change.done-text', msg('Use your new password the next time you sign in. Thank you for keeping your account safe.', {id: 'password-change.done-text'}))}
    </p>
    ${
      el.signedOutOthers
        ? html`<p>
            ${t(el, 'password-change.done-signed-out', msg('Your other devices have been signed out. This one stays signed in.', {id: 'password-change.done-signed-out'}))}
          </p>`
        : nothing
    }
    ${renderFeedback(el)}
  </div>`;
}

/**
 * With more than one problem found before sending: the summary at the top of the form (a field
 * put right leaves it; the host's refusals are about one field and never make a summary).
 */
export function renderSummary(el: El) {
  const items = (['current', 'new', 'confirm'] as const)
    .filter((field) => el.fieldErrors[field])
    .map((field) => ({id: el.ids[field], text: fieldErrorText(el, el.fieldErrors[field])}));
  if (items.length < 2) return nothing;
  return renderErrorSummary(
    `${el.ids.title}-summary`,
    t(el, 'password-change.summary-title', msg('Please check these fields', {id: 'password-change.summary-title'})),
    items,
  );
}

/** The form-level error; a lock-out's duration is the live one under it, not a fixed one. */
export function renderAlert(el: El) {
  const {error, strings} = liveError(el.flow.error, el.strings);
  return renderFormError(error, strings, el.flow.copied, () => el.flow.markCopied());
}

/** A lock-out's one live remaining time (not a live region), under the alert. */
export function renderWaitLine(el: El) {
  return renderRetryLine(el, el.ids.wait, el.flow.wait);
}

/** What the polite status region says about a lock-out: at its start and at its end. */
export function waitText(el: El): string {
  return retryNews(el, el.flow.wait);
}
