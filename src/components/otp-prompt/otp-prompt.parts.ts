import {html, nothing} from 'lit';
import {msg, str} from '@lit/localize';
import {formatDuration, formatNumber, formatWait} from '../../internal/core/format.js';
import {renderHelpLink} from '../../internal/core/help-link.js';
import type {SereinOtpAlternative, SereinOtpChannel} from '../../events/otp-prompt.js';
import {isCodeShaped, normalizeCode} from '../../internal/code-field.js';

export {renderFormError} from '../../internal/error-view.js';
export {errorText} from '../../internal/error-messages.js';
export {otpPromptLightStyles} from './otp-prompt.light-styles.js';
export {CodeFieldController} from '../../internal/code-field.js';

// The words and the secondary parts of <serein-otp-prompt>, loaded as soon as an element is
// connected (one small request, shared by every instance): the element itself stays small enough
// to upgrade at once, with its input ready for typing and autofill.

/** What these parts read from the element. */
export interface OtpPromptView {
  t(id: string, localized: string, params?: Record<string, string | number>): string;
  channel: SereinOtpChannel;
  destination: string;
  length: number;
  ids: Record<'title' | 'intro' | 'hint' | 'auto' | 'remember' | 'rememberHint' | 'wait' | 'others' | 'done', string>;
  autoSubmit: boolean;
  rememberDevice: boolean;
  rememberDays: number;
  /** Seconds before a new code can be asked for. */
  resendLeft: number;
  resending: boolean;
  status: string;
  othersOpen: boolean;
  /** The other ways, without the current one. */
  alternatives: SereinOtpAlternative[];
  supportHref: string;
  supportLabel: string;
  toggleOthers(): void;
  resend(): void;
  switchTo(alternative: SereinOtpAlternative): void;
}

const numeric = (view: OtpPromptView) => view.channel !== 'backup-code';
const canResend = (view: OtpPromptView) => view.channel === 'sms' || view.channel === 'email';

function heading(view: OtpPromptView): string {
  switch (view.channel) {
    case 'sms':
      return view.t('otp-prompt.title.sms', msg('Check your text messages', {id: 'otp-prompt.title.sms'}));
    case 'email':
      return view.t('otp-prompt.title.email', msg('Check your inbox', {id: 'otp-prompt.title.email'}));
    case 'backup-code':
      return view.t('otp-prompt.title.backup-code', msg('Enter a backup code', {id: 'otp-prompt.title.backup-code'}));
    default:
      return view.t('otp-prompt.title.app', msg('Enter the code from your app', {id: 'otp-prompt.title.app'}));
  }
}

/** Where the code is and how long it may take. */
function where(view: OtpPromptView): string {
  const destination = view.destination;
  switch (view.channel) {
    case 'sms':
      return destination
        ? view.t(
            'otp-prompt.where.sms-to',
            msg(str`We sent a code by text message to ${destination}. It can take a minute to arrive.`, {
              id: 'otp-prompt.where.sms-to',
            }),
            {destination},
          )
        : view.t(
            'otp-prompt.where.sms',
            msg('We sent a code to your phone by text message. It can take a minute to arrive.', {
              id: 'otp-prompt.where.sms',
            }),
          );
    case 'email':
      return destination
        ? view.t(
            'otp-prompt.where.email-to',
            msg(
              str`We sent a code to ${destination}. It can take a few minutes to arrive; if you do not see it, look in your spam folder.`,
              {id: 'otp-prompt.where.email-to'},
            ),
            {destination},
          )
        : view.t(
            'otp-prompt.where.email',
            msg(
              'We sent a code to your email address. It can take a few minutes to arrive; if you do not see it, look in your spam folder.',
              {id: 'otp-prompt.where.email'},
            ),
          );
    case 'backup-code':
      return view.t(
        'otp-prompt.where.backup-code',
        msg(
          'Use one of the backup codes you saved when you turned on two-step verification. Each code works only once.',
          {id: 'otp-prompt.where.backup-code'},
        ),
      );
    default:
      return view.t(
        'otp-prompt.where.app',
        msg(
          'Open the app that gives you sign-in codes for this account and enter the code it shows now. The code changes often, so use the one on screen.',
          {id: 'otp-prompt.where.app'},
        ),
      );
  }
}

function alternativeLabel(view: OtpPromptView, alternative: SereinOtpAlternative): string {
  const destination = alternative.destination ?? '';
  switch (alternative.channel) {
    case 'sms':
      return destination
        ? view.t(
            'otp-prompt.other.sms-to',
            msg(str`Get a code by text message to ${destination}`, {id: 'otp-prompt.other.sms-to'}),
            {destination},
          )
        : view.t('otp-prompt.other.sms', msg('Get a code by text message', {id: 'otp-prompt.other.sms'}));
    case 'email':
      return destination
        ? view.t(
            'otp-prompt.other.email-to',
            msg(str`Get a code by email to ${destination}`, {id: 'otp-prompt.other.email-to'}),
            {destination},
          )
        : view.t('otp-prompt.other.email', msg('Get a code by email', {id: 'otp-prompt.other.email'}));
    case 'backup-code':
      return view.t('otp-prompt.other.backup-code', msg('Use a backup code', {id: 'otp-prompt.other.backup-code'}));
    default:
      return view.t('otp-prompt.other.app', msg('Use the code from your app', {id: 'otp-prompt.other.app'}));
  }
}

/** The heading, then why the code is asked and where it is. */
export function renderIntro(view: OtpPromptView) {
  return html`<h2 id=${view.ids.title} tabindex="-1">${heading(view)}</h2>
    <div class="serein-otp-prompt__intro" id=${view.ids.intro}>
      <p>${where(view)}</p>
      <p>
        ${view.t(
          'otp-prompt.why',
          msg('This extra step makes sure it is really you, even if someone else knows your password.', {
            id: 'otp-prompt.why',
          }),
        )}
      </p>
    </div>`;
}

/** The format of the code, and (with auto-submit) that it is checked as soon as it is complete. */
export function renderHints(view: OtpPromptView) {
  const count = formatNumber(view.length);
  return html`<p class="serein-hint" id=${view.ids.hint}>
      ${
        numeric(view)
          ? view.t('otp-prompt.hint', msg(str`The code has ${count} digits.`, {id: 'otp-prompt.hint'}), {count})
          : view.t(
              'otp-prompt.hint.backup-code',
              msg('Letters and digits; spaces and dashes are optional.', {id: 'otp-prompt.hint.backup-code'}),
            )
      }
    </p>
    ${
      view.autoSubmit && numeric(view)
        ? html`<p class="serein-hint" id=${view.ids.auto}>
            ${view.t(
              'otp-prompt.auto-submit',
              msg(str`We check the code as soon as all ${count} digits are in.`, {id: 'otp-prompt.auto-submit'}),
              {count},
            )}
          </p>`
        : nothing
    }`;
}

/** What a submission without a complete code is told. */
export function incompleteText(view: OtpPromptView): string {
  const count = formatNumber(view.length);
  return numeric(view)
    ? view.t(
        'otp-prompt.error.incomplete',
        msg(str`Enter all ${count} digits of the code.`, {id: 'otp-prompt.error.incomplete'}),
        {count},
      )
    : view.t(
        'otp-prompt.error.empty-backup',
        msg('Enter one of your backup codes.', {id: 'otp-prompt.error.empty-backup'}),
      );
}

export function resendReadyText(view: OtpPromptView): string {
  return view.t('otp-prompt.resend-ready', msg('You can ask for a new code now.', {id: 'otp-prompt.resend-ready'}));
}

export function resendSentText(view: OtpPromptView): string {
  return view.t(
    'otp-prompt.resend-sent',
    msg('We sent a new code. It can take a few minutes to arrive.', {id: 'otp-prompt.resend-sent'}),
  );
}

export function renderRemember(view: OtpPromptView) {
  if (!view.rememberDevice) return nothing;
  const duration =
    Number.isInteger(view.rememberDays) && view.rememberDays > 0 ? formatDuration(view.rememberDays, 'day') : '';
  return html`<div class="serein-check">
    <input
      type="checkbox"
      id=${view.ids.remember}
      name="remember-device"
      value="true"
      aria-describedby=${view.ids.rememberHint}
    />
    <div>
      <label for=${view.ids.remember}>
        ${view.t('otp-prompt.remember', msg('Don’t ask for a code again on this device', {id: 'otp-prompt.remember'}))}
      </label>
      <p class="serein-hint" id=${view.ids.rememberHint}>
        ${
          duration
            ? view.t(
                'otp-prompt.remember-hint-days',
                msg(str`For ${duration}. Choose this only on a device that you alone use.`, {
                  id: 'otp-prompt.remember-hint-days',
                }),
                {duration},
              )
            : view.t(
                'otp-prompt.remember-hint',
                msg('Choose this only on a device that you alone use.', {id: 'otp-prompt.remember-hint'}),
              )
        }
      </p>
    </div>
  </div>`;
}

/** "Send a new code", always visible, with a countdown that is read, not announced. */
export function renderResend(view: OtpPromptView) {
  if (!canResend(view)) return nothing;
  const waiting = view.resendLeft > 0;
  const wait = waiting ? formatWait(view.resendLeft) : '';
  return html`<div class="serein-otp-prompt__resend">
    <button
      type="button"
      class="serein-button serein-button--quiet"
      aria-disabled=${waiting || view.resending ? 'true' : 'false'}
      aria-describedby=${waiting ? view.ids.wait : nothing}
      @click=${() => view.resend()}
    >
      ${
        view.resending
          ? view.t('otp-prompt.resending', msg('Sending a new code…', {id: 'otp-prompt.resending'}))
          : view.t('otp-prompt.resend', msg('Send a new code', {id: 'otp-prompt.resend'}))
      }
    </button>
    ${
      waiting
        ? html`<p class="serein-hint" id=${view.ids.wait}>
            ${view.t(
              'otp-prompt.resend-wait',
              msg(str`You can ask for a new code in ${wait}.`, {id: 'otp-prompt.resend-wait'}),
              {wait},
            )}
          </p>`
        : nothing
    }
    <p class="serein-otp-prompt__status" role="status">${view.status}</p>
  </div>`;
}

/** "Try another way": a disclosure listing the other ways to get a code. */
export function renderAlternatives(view: OtpPromptView) {
  if (!view.alternatives.length) return nothing;
  return html`<div class="serein-otp-prompt__others">
    <button
      type="button"
      class="serein-button serein-button--quiet"
      aria-expanded=${view.othersOpen ? 'true' : 'false'}
      aria-controls=${view.ids.others}
      @click=${() => view.toggleOthers()}
    >
      ${view.t('otp-prompt.others', msg('Try another way', {id: 'otp-prompt.others'}))}
    </button>
    <ul id=${view.ids.others} ?hidden=${!view.othersOpen}>
      ${view.alternatives.map(
        (alternative) =>
          html`<li>
            <button type="button" class="serein-button serein-button--quiet" @click=${() => view.switchTo(alternative)}>
              ${alternativeLabel(view, alternative)}
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** The help link, at the same place in every state. */
export function renderHelp(view: OtpPromptView) {
  return renderHelpLink(
    view.supportHref,
    () => view.supportLabel || view.t('otp-prompt.help', msg('Need help? Contact support', {id: 'otp-prompt.help'})),
  );
}

/** The state after the host accepted the code. */
export function renderDone(view: OtpPromptView) {
  return html`<h2 id=${view.ids.done} tabindex="-1">
      ${view.t('otp-prompt.done', msg('Thank you, that is the right code.', {id: 'otp-prompt.done'}))}
    </h2>
    ${renderHelp(view)}`;
}

/** The words of the submit button. */
export function submitText(view: OtpPromptView, checking: boolean): string {
  return checking
    ? view.t('otp-prompt.submitting', msg('Checking the code…', {id: 'otp-prompt.submitting'}))
    : view.t('otp-prompt.submit', msg('Continue', {id: 'otp-prompt.submit'}));
}

/** The label of the code field. */
export function labelText(view: OtpPromptView): string {
  return numeric(view)
    ? view.t('otp-prompt.label', msg('Code', {id: 'otp-prompt.label'}))
    : view.t('otp-prompt.label.backup-code', msg('Backup code', {id: 'otp-prompt.label.backup-code'}));
}

/**
 * WebOTP: asks the browser for the code of the next text message bound to this site (the
 * customer consents in a browser sheet). Resolves with the code when it has the expected shape
 * (the message is untrusted input), with undefined otherwise or without the API.
 */
export async function requestSmsCode(signal: AbortSignal, length: number): Promise<string | undefined> {
  if (!('OTPCredential' in window) || typeof navigator.credentials?.get !== 'function') return undefined;
  const request = {otp: {transport: ['sms']}, signal} as CredentialRequestOptions;
  const credential = (await navigator.credentials.get(request)) as {code?: string} | null;
  const code = credential?.code ?? '';
  const digits = normalizeCode(code, 'numeric');
  return isCodeShaped(code, 'numeric') && digits.length === length ? digits : undefined;
}
