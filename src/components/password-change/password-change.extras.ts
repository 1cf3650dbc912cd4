import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {formatNumber} from '../../internal/format.js';
import {getActiveLocale} from '../../internal/locale.js';
import type {SereinPasswordChangeReason} from './password-change.js';

export {renderFormError} from '../../internal/error-view.js';
export {errorText} from '../../internal/error-messages.js';

// The parts of <serein-password-change> that only some states need (a reason banner, an error,
// the thank-you state): loaded when that state comes, so the form itself stays small.

/** What these parts read from the element. */
export interface PasswordChangeView {
  t(id: string, localized: string, params?: Record<string, string | number>): string;
  reason: SereinPasswordChangeReason;
  customerName: string;
  brand: string;
  deferrable: boolean;
  deadline: Date | undefined;
  doneId: string;
  signedOutOthers: boolean;
  askFeedback: boolean;
  feedbackScore: number;
  sendFeedback(score: number): void;
}

/** Why we ask, for each reason but `user`. */
function why(view: PasswordChangeView): string {
  switch (view.reason) {
    case 'routine':
      return view.t(
        'password-change.reason.routine',
        msg(
          'We ask for a new password from time to time, as part of routine security care. Nothing is wrong with your account.',
          {id: 'password-change.reason.routine'},
        ),
      );
    case 'suspicious-activity':
      return view.t(
        'password-change.reason.suspicious-activity',
        msg(
          'We noticed a sign-in to your account that may not have been you. To keep your account yours, please choose a new password now.',
          {id: 'password-change.reason.suspicious-activity'},
        ),
      );
    case 'breach':
      return view.t(
        'password-change.reason.breach',
        msg(
          'Your password appeared in a data breach on another website. Our own systems were not affected, but anyone with that list could try it here, so please choose a new password that you do not use anywhere else.',
          {id: 'password-change.reason.breach'},
        ),
      );
    case 'compliance':
      return view.t(
        'password-change.reason.compliance',
        msg(
          'To meet the security standards we follow, we are asking you to choose a new password. Nothing is wrong with your account.',
          {id: 'password-change.reason.compliance'},
        ),
      );
    default:
      return '';
  }
}

/** The calm banner: why we ask, what happens next, when, and that we never ask by email or phone. */
export function renderBanner(view: PasswordChangeView) {
  if (view.reason === 'user') return nothing;
  const name = view.customerName;
  const brand = view.brand;
  const date = view.deadline;
  const when = date ? new Intl.DateTimeFormat(getActiveLocale(), {dateStyle: 'long'}).format(date) : '';
  return html`<div class="serein-password-change__banner" part="banner">
    ${name ? html`<p>${view.t('password-change.greeting', msg(str`Hello ${name},`, {id: 'password-change.greeting'}), {name})}</p>` : nothing}
    <p>${why(view)}</p>
    <p>
      ${view.t('password-change.next', msg('It takes about a minute, and you stay signed in on this device.', {id: 'password-change.next'}))}
    </p>
    ${
      view.deferrable
        ? html`<p>
            ${
              when
                ? view.t(
                    'password-change.deadline',
                    msg(str`You can do it now, or later until ${when}.`, {id: 'password-change.deadline'}),
                    {when},
                  )
                : view.t('password-change.later', msg('You can do it now or later.', {id: 'password-change.later'}))
            }
          </p>`
        : nothing
    }
    <p>
      ${
        brand
          ? view.t(
              'password-change.never-ask-brand',
              msg(str`${brand} will never ask for your password by email, text message or phone.`, {
                id: 'password-change.never-ask-brand',
              }),
              {brand},
            )
          : view.t(
              'password-change.never-ask',
              msg('We will never ask for your password by email, text message or phone.', {
                id: 'password-change.never-ask',
              }),
            )
      }
    </p>
  </div>`;
}

/** The thank-you state (the form is gone, so browsers offer to save the new password). */
export function renderSuccess(view: PasswordChangeView) {
  const scores = [1, 2, 3, 4, 5] as const;
  const words = [
    view.t('password-change.feedback-1', msg('Very hard', {id: 'password-change.feedback-1'})),
    view.t('password-change.feedback-2', msg('Hard', {id: 'password-change.feedback-2'})),
    view.t('password-change.feedback-3', msg('Neither easy nor hard', {id: 'password-change.feedback-3'})),
    view.t('password-change.feedback-4', msg('Easy', {id: 'password-change.feedback-4'})),
    view.t('password-change.feedback-5', msg('Very easy', {id: 'password-change.feedback-5'})),
  ];
  return html`<div class="serein-password-change__done">
    <h2 id=${view.doneId} tabindex="-1">
      ${view.t('password-change.done-title', msg('Your password has been changed', {id: 'password-change.done-title'}))}
    </h2>
    <p>
      ${view.t('password-change.done-text', msg('Use your new password the next time you sign in. Thank you for keeping your account safe.', {id: 'password-change.done-text'}))}
    </p>
    ${
      view.signedOutOthers
        ? html`<p>
            ${view.t('password-change.done-signed-out', msg('Your other devices have been signed out; this one stays signed in.', {id: 'password-change.done-signed-out'}))}
          </p>`
        : nothing
    }
    ${
      view.askFeedback
        ? view.feedbackScore
          ? html`<p role="status">
              ${view.t('password-change.feedback-thanks', msg('Thank you for your answer.', {id: 'password-change.feedback-thanks'}))}
            </p>`
          : html`<fieldset class="serein-password-change__feedback">
              <legend>
                ${view.t('password-change.feedback', msg('How easy was this?', {id: 'password-change.feedback'}))}
              </legend>
              ${scores.map(
                (score) =>
                  html`<button
                    type="button"
                    class="serein-button serein-button--quiet"
                    @click=${() => view.sendFeedback(score)}
                  >
                    ${formatNumber(score)}<span class="serein-visually-hidden">${words[score - 1]}</span>
                  </button>`,
              )}
              <p class="serein-hint" aria-hidden="true">
                ${formatNumber(1)} = ${words[0]} · ${formatNumber(5)} = ${words[4]}
              </p>
            </fieldset>`
        : nothing
    }
  </div>`;
}
