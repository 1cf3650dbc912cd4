import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {isolate} from '../../internal/format.js';
import {alertStyles} from '../../internal/alert.styles.js';
import {renderConfirmationTitle} from '../../internal/alert.js';
import {busyLabel} from '../../internal/busy-label.js';
import {renderFormError} from '../../internal/error-view.js';
import {liveError, renderRetryLine, retryNews} from '../../internal/wait-view.js';
import type {SereinStrings} from '../../internal/core/strings.js';
import {safeUrl} from '../../internal/safe-url.js';
import type {SereinRecoveryMethod} from '../../events/recovery-wizard.js';
import {needsSending, type SereinRecoveryWizard} from './recovery-wizard.js';
import {renderStepSubmit} from './recovery-wizard.view.js';
import {t} from '../../internal/wording.js';

// The steps of <serein-recovery-wizard> after the first one (the ways to get a code, the code,
// the second step, the new password, the end) and its form-level error: its first render shows
// only the first step. The view loads this module when the customer moves on (or an error
// comes), and ahead of time once the browser is idle (CONTRIBUTING.md, "The loading rule").

/** The alert box and the confirmation heading, adopted when this module arrives. */
export const lightStyles = alertStyles('serein-recovery-wizard');

type El = SereinRecoveryWizard;

/** The form-level error; a lock-out's duration is the live line under it, not a fixed one. */
export function renderError(el: El) {
  const {error, strings} = liveError(el.flow.error, el.strings);
  return renderFormError(error, strings, el.flow.copied, () => el.flow.markCopied());
}

/**
 * A lock-out of the wizard's own steps (who the customer is, the way to get a code): one live line
 * under the alert and the polite news of its start and end, as in the password form. The code step
 * shows its wait in its own prompt.
 */
export function renderWait(el: El) {
  if (el.step !== 'identify' && el.step !== 'method') return nothing;
  return html`${renderRetryLine(el, el.ids.wait, el.flow.wait)}
    <p class="serein-visually-hidden" role="status">${retryNews(el, el.flow.wait)}</p>`;
}

function methodLabel(el: El, method: SereinRecoveryMethod): string {
  const destination = isolate(method.destination ?? '');
  switch (method.channel) {
    case 'email':
      return destination
        ? t(
            el,
            'recovery-wizard.method.email-to',
            msg(str`Email to ${destination}`, {id: 'recovery-wizard.method.email-to'}),
            {destination},
          )
        : t(el, 'recovery-wizard.method.email', msg('Email', {id: 'recovery-wizard.method.email'}));
    case 'sms':
      return destination
        ? t(
            el,
            'recovery-wizard.method.sms-to',
            msg(str`Text message to ${destination}`, {id: 'recovery-wizard.method.sms-to'}),
            {destination},
          )
        : t(el, 'recovery-wizard.method.sms', msg('Text message', {id: 'recovery-wizard.method.sms'}));
    case 'app':
      return t(
        el,
        'recovery-wizard.method.app',
        msg('The app that gives you sign-in codes', {id: 'recovery-wizard.method.app'}),
      );
    default:
      return t(
        el,
        'recovery-wizard.method.backup-code',
        msg('One of your backup codes', {id: 'recovery-wizard.method.backup-code'}),
      );
  }
}

function methodHint(el: El, method: SereinRecoveryMethod): string {
  switch (method.channel) {
    case 'email':
      return t(
        el,
        'recovery-wizard.method.email-hint',
        msg('We send a code and a link. Either one works.', {id: 'recovery-wizard.method.email-hint'}),
      );
    case 'sms':
      return t(
        el,
        'recovery-wizard.method.sms-hint',
        msg('We send a code by text message.', {id: 'recovery-wizard.method.sms-hint'}),
      );
    case 'app':
      return t(
        el,
        'recovery-wizard.method.app-hint',
        msg('Use the code the app shows at that moment.', {id: 'recovery-wizard.method.app-hint'}),
      );
    default:
      return t(
        el,
        'recovery-wizard.method.backup-code-hint',
        msg('Each backup code works once.', {id: 'recovery-wizard.method.backup-code-hint'}),
      );
  }
}

/** The embedded prompt's words where recovery needs other ones: it never says an account exists. */
function otpStrings(el: El): SereinStrings {
  const destination = isolate(el.codeMethod?.destination ?? '');
  const brand = isolate(el.brand);
  // The email is where a phishing lure would strike: say whose it is and what it never asks.
  const genuine = brand
    ? t(
        el,
        'recovery-wizard.code.genuine-brand',
        msg(str`The email comes from ${brand} and never asks for your password.`, {
          id: 'recovery-wizard.code.genuine-brand',
        }),
        {brand},
      )
    : t(
        el,
        'recovery-wizard.code.genuine',
        msg('Our email never asks for your password.', {id: 'recovery-wizard.code.genuine'}),
      );
  return {
    ...el.strings,
    'otp-prompt.where.email-to': `${t(
      el,
      'recovery-wizard.code.email-to',
      msg(
        str`If ${destination} belongs to an account, we have sent an email with a code and a link to that address. Type the code here or open the link. Either one works. It can take a few minutes to arrive. If you do not see it, look in your spam folder.`,
        {id: 'recovery-wizard.code.email-to'},
      ),
      {destination},
    )} ${genuine}`,
    'otp-prompt.where.sms-to': t(
      el,
      'recovery-wizard.code.sms-to',
      msg(
        str`If ${destination} belongs to an account, we have sent a code to that number by text message. It can take a minute to arrive.`,
        {id: 'recovery-wizard.code.sms-to'},
      ),
      {destination},
    ),
    'otp-prompt.why': t(
      el,
      'recovery-wizard.code.why',
      msg('The code confirms that this account is yours, so that you can choose a new password.', {
        id: 'recovery-wizard.code.why',
      }),
    ),
  };
}

/** The embedded form's words where recovery needs other ones. */
function passwordStrings(el: El): SereinStrings {
  return {
    ...el.strings,
    'password-change.title': t(
      el,
      'recovery-wizard.password.title',
      msg('Choose a new password', {id: 'recovery-wizard.password.title'}),
    ),
    'password-change.submit': t(
      el,
      'recovery-wizard.password.submit',
      msg('Save the new password', {id: 'recovery-wizard.password.submit'}),
    ),
    'password-change.submitting': t(
      el,
      'recovery-wizard.password.submitting',
      msg('Saving your new password…', {id: 'recovery-wizard.password.submitting'}),
    ),
  };
}

export function renderMethod(el: El) {
  const identifier = isolate(el.identified);
  const pending = el.flow.pending && el.step === 'method';
  const intro = t(
    el,
    'recovery-wizard.method.intro',
    msg(str`If ${identifier} matches an account, you can get a code to choose a new password.`, {
      id: 'recovery-wizard.method.intro',
    }),
    {identifier},
  );
  const heading = html`<h2 tabindex="-1" id=${el.ids.method}>
    ${t(el, 'recovery-wizard.method.title', msg('How would you like to get a code?', {id: 'recovery-wizard.method.title'}))}
  </h2>`;
  if (!el.methods.length) return renderNoMethod(el, identifier);
  return html`${heading}
    <p>${intro}</p>
    <form novalidate aria-labelledby=${el.ids.method} aria-busy=${pending ? 'true' : 'false'} @submit=${el.onMethod}>
      <fieldset class="serein-recovery-wizard__methods">
        <legend class="serein-visually-hidden">
          ${t(el, 'recovery-wizard.method.legend', msg('Ways to get a code', {id: 'recovery-wizard.method.legend'}))}
        </legend>
        ${el.methods.map((method, index) => {
          const id = `${el.ids.method}-${index}`;
          return html`<div class="serein-check">
            <input
              type="radio"
              id=${id}
              name="method"
              .value=${method.id}
              .checked=${method.id === el.chosen}
              aria-describedby=${`${id}-hint`}
              @change=${el.onChoose}
            />
            <div>
              <label for=${id}>${methodLabel(el, method)}</label>
              <p class="serein-hint" id=${`${id}-hint`}>${methodHint(el, method)}</p>
            </div>
          </div>`;
        })}
      </fieldset>
      ${renderStepSubmit(el, pending, methodSubmitText(el, pending))}
    </form>`;
}

/**
 * No way to get a code: a heading that says so (it takes the focus, as every step's heading does),
 * and support as the main action. The same words whether or not an account matches.
 */
function renderNoMethod(el: El, identifier: string) {
  return html`<h2 tabindex="-1" id=${el.ids.method}>
      ${t(el, 'recovery-wizard.method.none-title', msg('We cannot send you a code', {id: 'recovery-wizard.method.none-title'}))}
    </h2>
    <p>
      ${t(
        el,
        'recovery-wizard.method.none-why',
        msg(str`No way to get a code is set up for ${identifier}. Our support team can help you get back in.`, {
          id: 'recovery-wizard.method.none-why',
        }),
        {identifier},
        'recovery-wizard.method.none',
      )}
    </p>
    <div class="serein-recovery-wizard__actions">${renderSupport(el, true)}</div>`;
}

/**
 * The method step's button: sending (with the spinner), "Send the code" for a code still to
 * send, else "Continue"; every one of them sizes the button, so it keeps one width.
 */
function methodSubmitText(el: El, pending: boolean) {
  const chosen = el.method;
  const sending = {
    text: t(el, 'recovery-wizard.method.sending', msg('Sending the code…', {id: 'recovery-wizard.method.sending'})),
    busy: true,
  };
  const send = {
    text: t(el, 'recovery-wizard.method.send', msg('Send the code', {id: 'recovery-wizard.method.send'})),
    busy: false,
  };
  const next = {
    text: t(el, 'recovery-wizard.continue', msg('Continue', {id: 'recovery-wizard.continue'})),
    busy: false,
  };
  const current = pending ? sending : chosen && needsSending(chosen) && el.codeMethod?.id !== chosen.id ? send : next;
  return busyLabel(
    current,
    [sending, send, next].filter((label) => label !== current),
  );
}

export function renderCode(el: El) {
  const method = el.codeMethod;
  if (!method) return nothing;
  const alternatives = el.methods
    .filter((other) => other.id !== method.id)
    .map(({channel, destination}) => ({channel, ...(destination ? {destination} : {})}));
  return html`<serein-otp-prompt
    .sereinEmbedding=${el.embedding}
    .strings=${otpStrings(el)}
    .alternatives=${alternatives}
    channel=${method.channel}
    destination=${method.destination ?? ''}
    resend-after=${el.resendAfter}
    @serein-otp-verified=${el.onVerified}
    @serein-otp-switch=${el.onSwitch}
  ></serein-otp-prompt>`;
}

/** The second-factor prompt's words: the step's own title on every channel, and why it is asked. */
function secondFactorStrings(el: El): SereinStrings {
  const title = secondFactorTitle(el);
  return {
    ...el.strings,
    'otp-prompt.title.app': title,
    'otp-prompt.title.sms': title,
    'otp-prompt.title.backup-code': title,
    'otp-prompt.why': t(
      el,
      'recovery-wizard.second-factor.why',
      msg(
        'Your account has two-step verification. This second code makes sure that the first code alone is not enough to change your password.',
        {id: 'recovery-wizard.second-factor.why'},
      ),
    ),
  };
}

function secondFactorTitle(el: El): string {
  return t(
    el,
    'recovery-wizard.second-factor.title',
    msg('Confirm it is you', {id: 'recovery-wizard.second-factor.title'}),
  );
}

/** The support link of the "lost it?" path: a button-like link when it is the only way on. */
function renderSupport(el: El, primary: boolean) {
  const href = safeUrl(el.supportHref, {attribute: 'support-href', element: el});
  if (!href) return nothing;
  return html`<a class=${primary ? 'serein-button serein-recovery-wizard__support' : 'serein-link'} href=${href}>
    ${t(
      el,
      'recovery-wizard.second-factor.contact-support',
      msg('Contact support', {id: 'recovery-wizard.second-factor.contact-support'}),
    )}
  </a>`;
}

/** "Lost it?": backup codes when the host listed them, then support. Never a dead end. */
function renderLost(el: El, channels: readonly string[]) {
  const backup = channels.includes('backup-code') && el.secondChannel !== 'backup-code';
  return html`<div class="serein-recovery-wizard__lost">
    ${
      backup
        ? html`<p>
              ${t(
                el,
                'recovery-wizard.second-factor.lost-backup',
                msg('If you cannot use your phone or your app, use one of your backup codes instead.', {
                  id: 'recovery-wizard.second-factor.lost-backup',
                }),
              )}
            </p>
            <div class="serein-recovery-wizard__actions">
              <button
                type="button"
                class="serein-button serein-button--quiet"
                aria-disabled=${el.flow.pending ? 'true' : 'false'}
                @click=${() => void el.useBackupCode()}
              >
                ${t(
                  el,
                  'recovery-wizard.second-factor.use-backup',
                  msg('Use a backup code', {id: 'recovery-wizard.second-factor.use-backup'}),
                )}
              </button>
            </div>`
        : nothing
    }
    <p>
      ${t(
        el,
        'recovery-wizard.second-factor.lost-support',
        msg('If you cannot use any of these, our support team can help you get back in.', {
          id: 'recovery-wizard.second-factor.lost-support',
        }),
      )}
      ${renderSupport(el, false)}
    </p>
  </div>`;
}

export function renderSecondFactor(el: El) {
  const secondFactor = el.secondFactor;
  if (!secondFactor) return nothing;
  const channel = el.secondChannel;
  if (!channel) {
    // The host asks for a second step that cannot be confirmed here: say so, and lead to support.
    return html`<h2 tabindex="-1">${secondFactorTitle(el)}</h2>
      <p>
        ${t(
          el,
          'recovery-wizard.second-factor.none',
          msg(
            'Your account has two-step verification, and none of its ways can be used here. Our support team can help you get back in.',
            {id: 'recovery-wizard.second-factor.none'},
          ),
        )}
      </p>
      <div class="serein-recovery-wizard__actions">${renderSupport(el, true)}</div>`;
  }
  const destination = secondFactor.destination ?? '';
  const alternatives = secondFactor.channels
    .filter((other) => other !== channel)
    .map((other) => ({channel: other, ...(other === 'sms' && destination ? {destination} : {})}));
  return html`<serein-otp-prompt
      .sereinEmbedding=${el.secondEmbedding}
      .strings=${secondFactorStrings(el)}
      .alternatives=${alternatives}
      channel=${channel}
      destination=${channel === 'sms' ? destination : ''}
      resend-after=${el.resendAfter}
      @serein-otp-verified=${el.onSecondVerified}
      @serein-otp-switch=${el.onSecondSwitch}
    ></serein-otp-prompt>
    ${renderLost(el, secondFactor.channels)}`;
}

export function renderPassword(el: El) {
  if (el.step !== 'password' && el.step !== 'done') return nothing;
  // A recovery may follow someone else's use of the account: the host ends every session, so
  // there is no box to untick, only the customer told so.
  return html`<p class="serein-hint serein-recovery-wizard__signs-out">
      ${t(
        el,
        'recovery-wizard.password.signs-out',
        msg('Saving your new password signs you out on every device, for your safety.', {
          id: 'recovery-wizard.password.signs-out',
        }),
      )}
    </p>
    <serein-password-change
      .sereinEmbedding=${el.embedding}
      .strings=${passwordStrings(el)}
      .breachCheck=${el.breachCheck}
      username=${el.identified}
      min-length=${el.minLength}
      dictionary=${el.dictionary}
      no-current
      @serein-password-changed=${el.onReset}
    ></serein-password-change>`;
}

export function renderDone(el: El) {
  const signInHref = safeUrl(el.signInHref, {attribute: 'sign-in-href', element: el});
  return html`${renderConfirmationTitle(
      el.ids.success,
      t(el, 'recovery-wizard.done.title', msg('Your password has been changed', {id: 'recovery-wizard.done.title'})),
    )}
    <p>
      ${t(
        el,
        'recovery-wizard.done.text',
        msg('You can now sign in with your new password. For your safety, you are not signed in automatically.', {
          id: 'recovery-wizard.done.text',
        }),
      )}
    </p>
    ${
      el.signedOutOthers
        ? html`<p>
            ${t(
              el,
              'recovery-wizard.done.signed-out',
              msg('Every device that was signed in to your account has been signed out.', {
                id: 'recovery-wizard.done.signed-out',
              }),
            )}
          </p>`
        : nothing
    }
    <div class="serein-recovery-wizard__actions">
      ${
        signInHref
          ? html`<a class="serein-link serein-recovery-wizard__sign-in" href=${signInHref}
              >${t(el, 'recovery-wizard.done.sign-in', msg('Continue to sign in', {id: 'recovery-wizard.done.sign-in'}))}</a
            >`
          : html`<button type="button" class="serein-button" @click=${() => el.signIn()}>
              ${t(el, 'recovery-wizard.done.sign-in', msg('Continue to sign in', {id: 'recovery-wizard.done.sign-in'}))}
            </button>`
      }
    </div>`;
}
