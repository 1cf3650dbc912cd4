import {html} from 'lit';
import {msg, str} from '@lit/localize';
import {formatNumber, formatWait, isolate, plural} from '../../internal/format.js';
import {alertStyles} from '../../internal/alert.styles.js';
import {renderConfirmationTitle} from '../../internal/alert.js';
import {clock} from '../../internal/clock.js';
import {errorText} from '../../internal/error-messages.js';
import {renderFormError} from '../../internal/error-view.js';
import {liveError, renderWaitLine, retryNowText, retryText, waitNews} from '../../internal/wait-view.js';
import type {SereinOtpPrompt} from './otp-prompt.js';
import {resendReadyText, resendWaitText} from './otp-prompt.view.js';
import {t} from '../../internal/wording.js';

// The later states of <serein-otp-prompt>, which its first render never shows: the field's
// problem, the form's error, a lock-out's wait and the accepted code. The view loads this module
// when one of them is entered, and ahead of time once the browser is idle (CONTRIBUTING.md, "The
// loading rule").

/** The alert box and the confirmation heading, adopted when this module arrives. */
export const lightStyles = alertStyles('serein-otp-prompt');

type El = SereinOtpPrompt;

/** What a submission without a complete code is told. */
function incompleteText(el: El): string {
  const count = formatNumber(el.effectiveLength);
  return el.numeric
    ? t(
        el,
        'otp-prompt.error.incomplete',
        plural(el.effectiveLength, {
          zero: () => msg(str`Enter all ${count} digits of the code.`, {id: 'otp-prompt.error.incomplete.zero'}),
          one: () => msg(str`Enter the ${count} digit of the code.`, {id: 'otp-prompt.error.incomplete.one'}),
          two: () => msg(str`Enter all ${count} digits of the code.`, {id: 'otp-prompt.error.incomplete.two'}),
          few: () => msg(str`Enter all ${count} digits of the code.`, {id: 'otp-prompt.error.incomplete.few'}),
          many: () => msg(str`Enter all ${count} digits of the code.`, {id: 'otp-prompt.error.incomplete.many'}),
          other: () => msg(str`Enter all ${count} digits of the code.`, {id: 'otp-prompt.error.incomplete.other'}),
        }),
        {count},
      )
    : t(
        el,
        'otp-prompt.error.empty-backup',
        msg('Enter one of your backup codes.', {id: 'otp-prompt.error.empty-backup'}),
      );
}

/** The words of the field's problem. */
export function fieldErrorText(el: El): string {
  const error = el.fieldError;
  if (!error) return '';
  if (error === 'incomplete') return incompleteText(el);
  return [errorText(error, el.strings), isolate(error.message ?? '')].filter(Boolean).join(' ');
}

/** After too many tries, the one wait ends with asking for a new code: its line says so. */
function asksNewCode(el: El): boolean {
  return el.canResend && el.flow.error?.code === 'too-many-attempts';
}

/** The lock-out's one live sentence, under the alert; it also holds back "Send a new code". */
export function renderLock(el: El) {
  const askNew = asksNewCode(el);
  return renderWaitLine(
    el.ids.lock,
    el.flow.wait,
    (left) => (askNew ? resendWaitText(el, clock(left)) : retryText(el, left)),
    () => (askNew ? resendReadyText(el) : retryNowText(el)),
  );
}

/** What the lock-out says politely: once at its start, once at its end. */
export function lockNews(el: El): string {
  const askNew = asksNewCode(el);
  return waitNews(
    el.flow.wait,
    (total) => (askNew ? resendWaitText(el, formatWait(total)) : retryText(el, total, true)),
    () => (askNew ? resendReadyText(el) : retryNowText(el)),
  );
}

/** The state after the host accepted the code. */
export function renderDone(el: El, help: unknown) {
  return html`${renderConfirmationTitle(
    el.ids.success,
    t(el, 'otp-prompt.done', msg('Thank you, that is the right code.', {id: 'otp-prompt.done'})),
  )}
  ${help}`;
}

/** The form-level error; a lock-out's duration is the live one under it, not a fixed one. */
export function renderAlert(el: El) {
  const {error, strings} = liveError(el.flow.error, el.strings);
  return renderFormError(error, strings, el.flow.copied, () => el.flow.markCopied());
}
