import {css, html, noChange, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {formatNumber} from '../../internal/format.js';
import {renderHelpLink} from '../../internal/help-link.js';
import {busyLabel} from '../../internal/busy-label.js';
import {later} from '../../internal/later-state.js';
import type {SereinRecoveryStep} from '../../events/recovery-wizard.js';
import type {SereinRecoveryWizard} from './recovery-wizard.js';

// Every template and every string of <serein-recovery-wizard>: loaded by the one view mechanism
// (CONTRIBUTING.md, "The loading rule"); the element keeps its space until it is here.
import {recoveryWizardLightStyles, recoveryWizardShadowStyles} from './recovery-wizard.styles.js';
import {tokenStyles} from '../../internal/tokens.js';
import {safeUrl} from '../../internal/safe-url.js';
import {t} from '../../internal/wording.js';

/** The theme tokens and the layout of the base, added to the shadow root when the view arrives. */
export const shadowStyles = [tokenStyles, recoveryWizardShadowStyles()];

export const lightStyles = css`
  ${recoveryWizardLightStyles()}
`;

type El = SereinRecoveryWizard;

/** The steps numbered "Step n of m": four, five when the host asked for a second step. */
const numbered = (el: El): readonly SereinRecoveryStep[] =>
  el.secondFactor
    ? ['identify', 'method', 'code', 'second-factor', 'password']
    : ['identify', 'method', 'code', 'password'];

function identifierErrorText(el: El): string {
  return el.identifierEmpty
    ? t(
        el,
        'recovery-wizard.error.identifier-empty',
        msg('Enter the email address or username of your account.', {id: 'recovery-wizard.error.identifier-empty'}),
      )
    : '';
}

function renderProgress(el: El) {
  const steps = numbered(el);
  const index = steps.indexOf(el.step);
  if (index < 0) return nothing;
  const current = formatNumber(index + 1);
  const total = formatNumber(steps.length);
  return html`<p class="serein-recovery-wizard__progress">
    ${t(el, 'recovery-wizard.progress', msg(str`Step ${current} of ${total}`, {id: 'recovery-wizard.progress'}), {
      current,
      total,
    })}
  </p>`;
}

function renderBack(el: El) {
  if (el.step !== 'method' && el.step !== 'code') return nothing;
  return html`<button
    type="button"
    class="serein-button serein-button--quiet serein-recovery-wizard__back"
    aria-disabled=${el.flow.pending ? 'true' : 'false'}
    @click=${() => el.back()}
  >
    ${t(el, 'recovery-wizard.back', msg('Back', {id: 'recovery-wizard.back'}))}
  </button>`;
}

function renderIdentify(el: El) {
  const pending = el.flow.pending && el.step === 'identify';
  return html`<h2 tabindex="-1" id=${el.ids.identify}>
      ${t(el, 'recovery-wizard.identify.title', msg('Get back into your account', {id: 'recovery-wizard.identify.title'}))}
    </h2>
    <p>
      ${t(
        el,
        'recovery-wizard.identify.intro',
        msg(
          'Enter the email address or username of your account. If what you enter matches an account, we will help you choose a new password with a code.',
          {id: 'recovery-wizard.identify.intro'},
        ),
      )}
    </p>
    <form
      novalidate
      aria-labelledby=${el.ids.identify}
      aria-busy=${pending ? 'true' : 'false'}
      @submit=${el.onIdentify}
    >
      <div class="serein-field">
        <label class="serein-label" for=${el.ids.identifier}>
          ${t(el, 'recovery-wizard.identify.label', msg('Email address or username', {id: 'recovery-wizard.identify.label'}))}
        </label>
        <input
          class="serein-input"
          id=${el.ids.identifier}
          name="username"
          type="text"
          inputmode="email"
          autocomplete="username"
          spellcheck="false"
          autocapitalize="none"
          aria-invalid=${el.identifierEmpty ? 'true' : nothing}
          aria-describedby=${el.identifierEmpty ? el.ids.identifierError : nothing}
          @input=${el.onInput}
        />
        <p class="serein-error" id=${el.ids.identifierError}>${identifierErrorText(el)}</p>
      </div>
      ${renderStepSubmit(el, pending, identifySubmitLabel(el, pending))}
    </form>`;
}

/**
 * The submit of the wizard's own steps (who the customer is, the way to get a code): blocked while
 * busy or locked out, and then described by the lock-out's live line. @internal
 */
export function renderStepSubmit(el: El, pending: boolean, label: unknown) {
  return html`<div class="serein-recovery-wizard__actions">
    <button
      type="submit"
      class="serein-button"
      aria-disabled=${pending || el.flow.retryBlocked ? 'true' : 'false'}
      aria-describedby=${el.flow.retryBlocked ? el.ids.wait : nothing}
    >
      ${label}
    </button>
  </div>`;
}

/** The first step's button: "Continue", or "Checking…" with the spinner, at one width. */
function identifySubmitLabel(el: El, pending: boolean) {
  const idle = {
    text: t(el, 'recovery-wizard.continue', msg('Continue', {id: 'recovery-wizard.continue'})),
    busy: false,
  };
  const busy = {
    text: t(el, 'recovery-wizard.identify.checking', msg('Checking…', {id: 'recovery-wizard.identify.checking'})),
    busy: true,
  };
  return pending ? busyLabel(busy, [idle]) : busyLabel(idle, [busy]);
}

/** Every step stays in the page once reached (hidden when not shown), so going back loses nothing. */
export function renderSteps(el: El): TemplateResult | typeof noChange {
  const step = el.step;
  const section = (name: SereinRecoveryStep, content: unknown) =>
    html`<div class="serein-recovery-wizard__step" data-step=${name} ?hidden=${step !== name}>${content}</div>`;
  // A later step keeps what is shown in place until its module has arrived (a few ms at most).
  const entered = step !== 'identify' || el.identified || el.codeMethod || el.flow.error;
  const states = entered ? later(el, el.light, el.light.states) : undefined;
  if (entered && !states) return noChange;
  return html`
    ${renderBack(el)} ${renderProgress(el)} ${section('identify', renderIdentify(el))}
    ${section('method', el.identified ? states?.renderMethod(el) : nothing)} ${section('code', states?.renderCode(el))}
    ${section('second-factor', states?.renderSecondFactor(el))} ${section('password', states?.renderPassword(el))}
    ${section('done', step === 'done' ? states?.renderDone(el) : nothing)}
    <div class="serein-alert" id=${el.ids.alert} role="alert" tabindex="-1">${states?.renderError(el) ?? nothing}</div>
    ${states?.renderWait(el) ?? nothing}
    ${renderHelpLink(
      safeUrl(el.supportHref, {attribute: 'support-href', element: el}),
      () =>
        el.supportLabel ||
        t(el, 'help', msg('Need help? Contact support', {id: 'help'}), undefined, 'recovery-wizard.help'),
    )}
  `;
}
