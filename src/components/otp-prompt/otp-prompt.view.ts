import {css, html, noChange, nothing, svg, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {formatDuration, formatNumber, isolate, plural} from '../../internal/format.js';
import {clock} from '../../internal/clock.js';
import {later} from '../../internal/later-state.js';
import {renderHelpLink} from '../../internal/help-link.js';
import type {SereinOtpAlternative, SereinOtpChannel} from '../../events/otp-prompt.js';
import type {SereinOtpPrompt} from './otp-prompt.js';

// Every template and every string of <serein-otp-prompt>: loaded by the one view mechanism
// (CONTRIBUTING.md, "The loading rule"), requested when the element module is evaluated; the
// element keeps its space until it is here.
import {otpPromptLightStyles, otpPromptShadowStyles} from './otp-prompt.styles.js';
import {tokenStyles} from '../../internal/tokens.js';
import {safeUrl} from '../../internal/safe-url.js';
import {busyLabel} from '../../internal/busy-label.js';
import {t} from '../../internal/wording.js';

type States = typeof import('./otp-prompt.states.js');

/** The theme tokens and the layout of the base, added to the shadow root when the view arrives. */
export const shadowStyles = [tokenStyles, otpPromptShadowStyles()];

export const lightStyles = css`
  ${otpPromptLightStyles()}
`;

type El = SereinOtpPrompt;

/** The other ways to get a code, without the current one. */
function otherWays(el: El): SereinOtpAlternative[] {
  return el.alternatives.filter(
    (alternative) =>
      el.isChannel(alternative.channel) &&
      !(alternative.channel === el.effectiveChannel && (alternative.destination ?? '') === el.destination),
  );
}

function heading(el: El): string {
  switch (el.effectiveChannel) {
    case 'sms':
      return t(el, 'otp-prompt.title.sms', msg('Check your text messages', {id: 'otp-prompt.title.sms'}));
    case 'email':
      return t(el, 'otp-prompt.title.email', msg('Check your inbox', {id: 'otp-prompt.title.email'}));
    case 'backup-code':
      return t(el, 'otp-prompt.title.backup-code', msg('Enter a backup code', {id: 'otp-prompt.title.backup-code'}));
    default:
      return t(el, 'otp-prompt.title.app', msg('Enter the code from your app', {id: 'otp-prompt.title.app'}));
  }
}

/** Where the code is and how long it may take. */
function where(el: El): string {
  const destination = isolate(el.destination);
  switch (el.effectiveChannel) {
    case 'sms':
      return destination
        ? t(
            el,
            'otp-prompt.where.sms-to',
            msg(str`We sent a code by text message to ${destination}. It can take a minute to arrive.`, {
              id: 'otp-prompt.where.sms-to',
            }),
            {destination},
          )
        : t(
            el,
            'otp-prompt.where.sms',
            msg('We sent a code to your phone by text message. It can take a minute to arrive.', {
              id: 'otp-prompt.where.sms',
            }),
          );
    case 'email':
      return destination
        ? t(
            el,
            'otp-prompt.where.email-to',
            msg(
              str`We sent a code to ${destination}. It can take a few minutes to arrive. If you do not see it, look in your spam folder.`,
              {id: 'otp-prompt.where.email-to'},
            ),
            {destination},
          )
        : t(
            el,
            'otp-prompt.where.email',
            msg(
              'We sent a code to your email address. It can take a few minutes to arrive. If you do not see it, look in your spam folder.',
              {id: 'otp-prompt.where.email'},
            ),
          );
    case 'backup-code':
      return t(
        el,
        'otp-prompt.where.backup-code',
        msg(
          'Use one of the backup codes you saved when you turned on two-step verification. Each code works only once.',
          {id: 'otp-prompt.where.backup-code'},
        ),
      );
    default:
      return t(
        el,
        'otp-prompt.where.app',
        msg(
          'Open the app that gives you sign-in codes for this account and enter the code it shows now. The code changes often, so use the one on screen.',
          {id: 'otp-prompt.where.app'},
        ),
      );
  }
}

function alternativeLabel(el: El, alternative: SereinOtpAlternative): string {
  const destination = isolate(alternative.destination ?? '');
  switch (alternative.channel) {
    case 'sms':
      return destination
        ? t(
            el,
            'otp-prompt.other.sms-to',
            msg(str`Get a code by text message to ${destination}`, {id: 'otp-prompt.other.sms-to'}),
            {destination},
          )
        : t(el, 'otp-prompt.other.sms', msg('Get a code by text message', {id: 'otp-prompt.other.sms'}));
    case 'email':
      return destination
        ? t(
            el,
            'otp-prompt.other.email-to',
            msg(str`Get a code by email to ${destination}`, {id: 'otp-prompt.other.email-to'}),
            {destination},
          )
        : t(el, 'otp-prompt.other.email', msg('Get a code by email', {id: 'otp-prompt.other.email'}));
    case 'backup-code':
      return t(el, 'otp-prompt.other.backup-code', msg('Use a backup code', {id: 'otp-prompt.other.backup-code'}));
    default:
      return t(el, 'otp-prompt.other.app', msg('Use the code from your app', {id: 'otp-prompt.other.app'}));
  }
}

/** The heading, then why the code is asked and where it is. */
function renderIntro(el: El) {
  return html`<h2 id=${el.ids.title} tabindex="-1">${heading(el)}</h2>
    <div class="serein-otp-prompt__intro" id=${el.ids.intro}>
      <p>${where(el)}</p>
      <p>
        ${t(
          el,
          'otp-prompt.why',
          msg('This extra step makes sure it is really you, even if someone else knows your password.', {
            id: 'otp-prompt.why',
          }),
        )}
      </p>
    </div>`;
}

/** The format of the code, and (with auto-submit) that it is checked as soon as it is complete. */
function renderHints(el: El) {
  const count = formatNumber(el.effectiveLength);
  return html`<p class="serein-hint" id=${el.ids.hint}>
      ${
        el.numeric
          ? t(
              el,
              'otp-prompt.hint',
              plural(el.effectiveLength, {
                zero: () => msg(str`The code has ${count} digits.`, {id: 'otp-prompt.hint.zero'}),
                one: () => msg(str`The code has ${count} digit.`, {id: 'otp-prompt.hint.one'}),
                two: () => msg(str`The code has ${count} digits.`, {id: 'otp-prompt.hint.two'}),
                few: () => msg(str`The code has ${count} digits.`, {id: 'otp-prompt.hint.few'}),
                many: () => msg(str`The code has ${count} digits.`, {id: 'otp-prompt.hint.many'}),
                other: () => msg(str`The code has ${count} digits.`, {id: 'otp-prompt.hint.other'}),
              }),
              {count},
            )
          : t(
              el,
              'otp-prompt.hint.backup-code',
              msg('Letters and digits. Spaces and dashes are optional.', {id: 'otp-prompt.hint.backup-code'}),
            )
      }
    </p>
    ${
      el.autoSubmit && el.numeric
        ? html`<p class="serein-hint" id=${el.ids.auto}>${autoSubmitText(el, count)}</p>`
        : nothing
    }`;
}

/** The line that says the code is checked once complete (`auto-submit`). */
function autoSubmitText(el: El, count: string): string {
  return t(
    el,
    'otp-prompt.auto-submit',
    plural(el.effectiveLength, {
      zero: () =>
        msg(str`We check the code as soon as all ${count} digits are in.`, {
          id: 'otp-prompt.auto-submit.zero',
        }),
      one: () => msg(str`We check the code as soon as its ${count} digit is in.`, {id: 'otp-prompt.auto-submit.one'}),
      two: () =>
        msg(str`We check the code as soon as all ${count} digits are in.`, {
          id: 'otp-prompt.auto-submit.two',
        }),
      few: () =>
        msg(str`We check the code as soon as all ${count} digits are in.`, {
          id: 'otp-prompt.auto-submit.few',
        }),
      many: () =>
        msg(str`We check the code as soon as all ${count} digits are in.`, {
          id: 'otp-prompt.auto-submit.many',
        }),
      other: () =>
        msg(str`We check the code as soon as all ${count} digits are in.`, {
          id: 'otp-prompt.auto-submit.other',
        }),
    }),
    {count},
  );
}

export function resendReadyText(el: El): string {
  return t(el, 'otp-prompt.resend-ready', msg('You can ask for a new code now.', {id: 'otp-prompt.resend-ready'}));
}

function resendSentText(el: El): string {
  return t(
    el,
    'otp-prompt.resend-sent',
    msg('We sent a new code. It can take a few minutes to arrive.', {id: 'otp-prompt.resend-sent'}),
  );
}

function renderRemember(el: El) {
  if (!el.rememberDevice) return nothing;
  const duration =
    Number.isInteger(el.rememberDays) && el.rememberDays > 0 ? formatDuration(el.rememberDays, 'day') : '';
  return html`<div class="serein-check">
    <input
      type="checkbox"
      id=${el.ids.remember}
      name="remember-device"
      value="true"
      aria-describedby=${el.ids.rememberHint}
    />
    <div>
      <label for=${el.ids.remember}>
        ${t(el, 'otp-prompt.remember', msg('Do not ask for a code again on this device', {id: 'otp-prompt.remember'}))}
      </label>
      <p class="serein-hint" id=${el.ids.rememberHint}>
        ${
          duration
            ? t(
                el,
                'otp-prompt.remember-hint-days',
                msg(str`For ${duration}. Choose this only on a device that you alone use.`, {
                  id: 'otp-prompt.remember-hint-days',
                }),
                {duration},
              )
            : t(
                el,
                'otp-prompt.remember-hint',
                msg('Choose this only on a device that you alone use.', {id: 'otp-prompt.remember-hint'}),
              )
        }
      </p>
    </div>
  </div>`;
}

/** "Send a new code", or "Sending…" with the spinner, in a button of one width. */
function resendLabel(el: El) {
  const idle = {text: t(el, 'otp-prompt.resend', msg('Send a new code', {id: 'otp-prompt.resend'})), busy: false};
  const busy = {
    text: t(el, 'otp-prompt.resending', msg('Sending a new code…', {id: 'otp-prompt.resending'})),
    busy: true,
  };
  return el.resending ? busyLabel(busy, [idle]) : busyLabel(idle, [busy]);
}

/** The code expired and a new one can be sent: "Send a new code" is the main action, "Continue" steps back. */
function expired(el: El): boolean {
  return el.canResend && typeof el.fieldError === 'object' && el.fieldError.code === 'code-expired';
}

/** "You can ask for a new code in 0:28" (`time` a clock), or "in 2 minutes" (said once). */
export function resendWaitText(el: El, wait: string): string {
  return t(
    el,
    'otp-prompt.resend-wait',
    msg(str`You can ask for a new code in ${wait}.`, {id: 'otp-prompt.resend-wait'}),
    {wait},
  );
}

/**
 * "Send a new code", always visible, with a countdown that is read, not announced. During a
 * lock-out it waits with the submit: the lock-out's line under the alert is its one wait.
 */
function renderResend(el: El, states: States | undefined) {
  if (!el.canResend) return nothing;
  const locked = el.flow.retryBlocked;
  const waiting = !locked && el.resendWait.left > 0;
  return html`<div class="serein-otp-prompt__resend">
    <button
      type="button"
      class=${expired(el) ? 'serein-button' : 'serein-button serein-button--quiet'}
      aria-disabled=${locked || waiting || el.resending ? 'true' : 'false'}
      aria-describedby=${locked ? el.ids.lock : waiting ? el.ids.wait : nothing}
      @click=${() => void el.resend()}
    >
      ${resendLabel(el)}
    </button>
    ${
      waiting
        ? html`<p class="serein-hint serein-wait" id=${el.ids.wait}>
            ${resendWaitText(el, clock(el.resendWait.left))}
          </p>`
        : nothing
    }
    <p class="serein-otp-prompt__status" role="status">${renderStatus(el, states)}</p>
  </div>`;
}

/** The polite status: the lock-out's start and end are said, not shown (its one line is on screen). */
function renderStatus(el: El, states: States | undefined) {
  const news = states?.lockNews(el);
  return news ? html`<span class="serein-visually-hidden">${news}</span>` : statusText(el);
}

/** Drawn icons of the ways to get a code (decorative: each button says its way in words). */
const icon = (paths: readonly string[], className = 'serein-otp-prompt__icon') =>
  html`<svg class=${className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <g fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
      ${paths.map((d) => svg`<path d=${d} />`)}
    </g>
  </svg>`;
const ICONS: Partial<Record<SereinOtpChannel, TemplateResult>> = {
  sms: icon(['M4 5h16v11H9l-5 4z', 'M8 9.5h8M8 12.5h5']),
  email: icon(['M5 5h14a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z', 'm4 7 8 6 8-6']),
  app: icon([
    'M8.5 2.5h7A2.5 2.5 0 0 1 18 5v14a2.5 2.5 0 0 1-2.5 2.5h-7A2.5 2.5 0 0 1 6 19V5a2.5 2.5 0 0 1 2.5-2.5z',
    'M10.5 18h3',
  ]),
  'backup-code': icon([
    'M6 3h12a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z',
    'M8 8h8M8 12h8M8 16h5',
  ]),
};
const chevron = icon(['m6 9 6 6 6-6'], 'serein-otp-prompt__chevron');

/**
 * "Try another way": a disclosure (a button with a chevron, `aria-expanded`, `aria-controls`)
 * over a list of the other ways, each a button of the list's full width with its icon.
 */
function renderAlternatives(el: El) {
  if (!otherWays(el).length) return nothing;
  return html`<div class="serein-otp-prompt__others">
    <button
      type="button"
      class="serein-button serein-button--quiet serein-otp-prompt__others-toggle"
      aria-expanded=${el.othersOpen ? 'true' : 'false'}
      aria-controls=${el.ids.others}
      @click=${() => (el.othersOpen = !el.othersOpen)}
    >
      <span>${t(el, 'otp-prompt.others', msg('Try another way', {id: 'otp-prompt.others'}))}</span>${chevron}
    </button>
    <ul id=${el.ids.others} ?hidden=${!el.othersOpen}>
      ${otherWays(el).map(
        (alternative) =>
          html`<li>
            <button
              type="button"
              class="serein-button serein-button--quiet"
              @click=${() => void el.switchTo(alternative)}
            >
              ${ICONS[alternative.channel] ?? nothing}<span>${alternativeLabel(el, alternative)}</span>
            </button>
          </li>`,
      )}
    </ul>
  </div>`;
}

/** The help link, at the same place in every state. */
function renderHelp(el: El) {
  return renderHelpLink(
    safeUrl(el.supportHref, {attribute: 'support-href', element: el}),
    () =>
      el.supportLabel || t(el, 'help', msg('Need help? Contact support', {id: 'help'}), undefined, 'otp-prompt.help'),
  );
}

/** The words of the submit button, with the spinner while the code is checked (one width). */
function submitLabel(el: El, checking: boolean) {
  const idle = {text: t(el, 'otp-prompt.submit', msg('Continue', {id: 'otp-prompt.submit'})), busy: false};
  const busy = {
    text: t(el, 'otp-prompt.submitting', msg('Checking the code…', {id: 'otp-prompt.submitting'})),
    busy: true,
  };
  return checking ? busyLabel(busy, [idle]) : busyLabel(idle, [busy]);
}

/** The label of the code field. */
function labelText(el: El): string {
  return el.numeric
    ? t(el, 'otp-prompt.label', msg('Code', {id: 'otp-prompt.label'}))
    : t(el, 'otp-prompt.label.backup-code', msg('Backup code', {id: 'otp-prompt.label.backup-code'}));
}

function statusText(el: El): string {
  if (el.resendWait.ended) return resendReadyText(el);
  if (el.status === 'resend-sent') return resendSentText(el);
  return '';
}

/** Everything the customer reads and types, rendered in the page's DOM. */
export function renderForm(el: El): TemplateResult | typeof noChange {
  const wait = el.flow.wait;
  // A later state keeps what is shown in place until its module has arrived (a few ms at most).
  const entered = el.success || el.flow.error || el.fieldError || wait.left > 0 || wait.ended;
  const states = entered ? later(el, el.light, el.light.states) : undefined;
  if (entered && !states) return noChange;
  if (el.success && states) return states.renderDone(el, renderHelp(el));
  const pending = el.flow.pending;
  const blocked = el.flow.blocked || el.resending;
  const describedBy = [el.ids.hint, el.autoSubmit && el.numeric ? el.ids.auto : '', el.fieldError ? el.ids.error : '']
    .filter(Boolean)
    .join(' ');
  return html`
    ${renderIntro(el)}
    <form
      method="post"
      action=${safeUrl(el.action, {attribute: 'action', element: el}) || nothing}
      novalidate
      aria-labelledby=${el.ids.title}
      aria-describedby=${el.ids.intro}
      aria-busy=${pending ? 'true' : 'false'}
      @submit=${el.onSubmit}
    >
      <div class="serein-field">
        <label class="serein-label" for=${el.ids.code}>${labelText(el)}</label>
        ${renderHints(el)} ${el.codeField?.render({id: el.ids.code, describedBy, invalid: !!el.fieldError})}
        <p class="serein-error" id=${el.ids.error}>${states?.fieldErrorText(el)}</p>
      </div>
      ${renderRemember(el)}
      <div class="serein-alert" id=${el.ids.alert} role="alert" tabindex="-1">
        ${states?.renderAlert(el) ?? nothing}
      </div>
      ${states?.renderLock(el)}
      ${el.canResend ? nothing : html`<p class="serein-visually-hidden" role="status">${states?.lockNews(el)}</p>`}
      <div class="serein-otp-prompt__actions">
        <button
          type="submit"
          class=${expired(el) ? 'serein-button serein-button--quiet' : 'serein-button'}
          aria-disabled=${blocked ? 'true' : 'false'}
          aria-describedby=${el.flow.retryBlocked ? el.ids.lock : nothing}
        >
          ${submitLabel(el, pending && !el.resending)}
        </button>
      </div>
    </form>
    ${renderResend(el, states)} ${renderAlternatives(el)} ${renderHelp(el)}
  `;
}
