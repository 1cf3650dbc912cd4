import {html, noChange, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {isolate} from '../../internal/format.js';
import {renderHelpLink} from '../../internal/help-link.js';
import {safeUrl} from '../../internal/safe-url.js';
import {later} from '../../internal/later-state.js';
import type {SereinPasskeyButton} from './passkey-button.js';
import {unlockMethod} from './unlock-method.js';
import {busyLabel, spinner, type ButtonLabel} from '../../internal/busy-label.js';
import {alertStyles} from '../../internal/alert.styles.js';
import {tokenStyles} from '../../internal/tokens.js';
import {passkeyButtonShadowStyles} from './passkey-button.styles.js';
import {t} from '../../internal/wording.js';

// Every template and string of <serein-passkey-button> (CONTRIBUTING.md, the file rule). Loaded
// by lazy() from the moment the element module is evaluated.

/** The theme tokens, the alert box and the button's styles, added to the shadow root when the view arrives. */
export const shadowStyles = [tokenStyles, alertStyles(''), passkeyButtonShadowStyles()];

/** A key, drawn (not a padlock or a shield, which look like the browser's own security signs). */
const keyIcon = html`<svg class="icon" part="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="7.5" cy="12" r="4" fill="none" stroke="currentColor" stroke-width="2" />
  <path
    d="M11.5 12h10M18.5 12v3.5M21.5 12v2.5"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
  />
</svg>`;

/** What the customer reads before the system dialog: what a passkey does here. */
function introText(el: SereinPasskeyButton): string {
  return el.effectiveMode === 'register'
    ? t(
        el,
        'passkey-button.intro-register',
        msg(
          'Sign in next time with a passkey instead of a password. Your fingerprint or face never leaves your device and is never sent to us.',
          {id: 'passkey-button.intro-register'},
        ),
      )
    : t(
        el,
        'passkey-button.intro-signin',
        msg('Sign in with a passkey saved on this device or on your phone, without typing a password.', {
          id: 'passkey-button.intro-signin',
        }),
      );
}

/** How the device will ask: its own unlock method, or a neutral description. */
function unlockText(el: SereinPasskeyButton): string {
  const kind = unlockMethod();
  // Product names, the same in every language, isolated from the sentence around them.
  const faceId = isolate('Face ID');
  const touchId = isolate('Touch ID');
  const method =
    kind === 'touch-id'
      ? touchId
      : kind === 'windows-hello'
        ? isolate('Windows Hello')
        : kind === 'face-id-or-touch-id'
          ? t(
              el,
              'passkey-button.unlock-face-or-touch',
              msg(str`${faceId} or ${touchId}`, {id: 'passkey-button.unlock-face-or-touch'}),
              {faceId, touchId},
            )
          : t(
              el,
              'passkey-button.unlock-device',
              msg('your fingerprint, your face or your screen lock', {id: 'passkey-button.unlock-device'}),
            );
  return t(
    el,
    'passkey-button.unlock',
    msg(str`When you continue, your device will ask you to confirm with ${method}.`, {id: 'passkey-button.unlock'}),
    {method},
  );
}

/**
 * The button's words: the current one, and every other it can show in this mode, which keep
 * its width (the key and the spinner are the same size, outside the words).
 */
function buttonLabel(el: SereinPasskeyButton) {
  const labels: Record<'idle' | 'preparing' | 'waiting' | 'verifying', string> = {
    idle:
      el.effectiveMode === 'register'
        ? t(el, 'passkey-button.register', msg('Create a passkey', {id: 'passkey-button.register'}))
        : t(el, 'passkey-button.signin', msg('Sign in with a passkey', {id: 'passkey-button.signin'})),
    preparing: t(el, 'passkey-button.preparing', msg('Getting ready…', {id: 'passkey-button.preparing'})),
    waiting: t(el, 'passkey-button.waiting', msg('Waiting for your device…', {id: 'passkey-button.waiting'})),
    verifying: t(el, 'passkey-button.verifying', msg('Checking your passkey…', {id: 'passkey-button.verifying'})),
  };
  const phase = el.phase === 'preparing' || el.phase === 'waiting' || el.phase === 'verifying' ? el.phase : 'idle';
  const others: ButtonLabel[] = Object.entries(labels)
    .filter(([key]) => key !== phase)
    .map(([, text]) => ({text, busy: false}));
  return busyLabel({text: labels[phase], busy: false}, others);
}

/** Sign-in messages that point to another way: this browser or device, a cancel, or a passkey the host refused. */
function pointsElsewhere(el: SereinPasskeyButton): boolean {
  if (el.effectiveMode !== 'signin') return false;
  if (!el.supported) return true;
  const notice = el.notice;
  if (notice?.kind === 'error') return notice.error.code.startsWith('passkey-');
  return notice?.kind === 'problem' && notice.problem !== 'device';
}

/**
 * The other way to continue, with every message that points to it: the host's `alternative`
 * slot, else a link to `alternative-href`, else a button that asks the host
 * (`serein-passkey-alternative`). `href` went through safeUrl() on every render.
 */
function renderAlternative(el: SereinPasskeyButton, href: string) {
  if (!pointsElsewhere(el)) return nothing;
  const label = t(el, 'passkey-button.alternative', msg('Sign in another way', {id: 'passkey-button.alternative'}));
  const own = href
    ? html`<a part="alternative" class="serein-button serein-button--quiet" href=${href}>${label}</a>`
    : html`<button
        part="alternative"
        type="button"
        class="serein-button serein-button--quiet"
        @click=${() => el.emit('serein-passkey-alternative', {mode: el.effectiveMode})}
      >
        ${label}
      </button>`;
  return html`<div class="alternative"><slot name="alternative">${own}</slot></div>`;
}

/** The help link, last in every state shown. */
function renderHelp(el: SereinPasskeyButton) {
  return renderHelpLink(
    safeUrl(el.supportHref, {attribute: 'support-href', element: el}),
    () => el.supportLabel || t(el, 'help', msg('Need help? Contact support', {id: 'help'})),
  );
}

function renderUnsupported(el: SereinPasskeyButton, alternativeHref: string) {
  if (!el.showUnsupported) return nothing;
  return html`<slot name="brand"></slot>
    <div part="base" class="base">
      <p part="status" class="status" role="status">
        ${t(
          el,
          'passkey-button.unsupported',
          msg('This browser cannot use passkeys. You can keep signing in the way you do now.', {
            id: 'passkey-button.unsupported',
          }),
        )}
      </p>
      ${renderAlternative(el, alternativeHref)} ${renderHelp(el)}
    </div>`;
}

/** The shadow tree of the button, in every phase. */
export function render(el: SereinPasskeyButton): TemplateResult | typeof nothing | typeof noChange {
  // A notice keeps what is shown in place until its module has arrived (a few ms at most).
  const notices = el.notice ? later(el, el.laterNotices, el.laterNotices.states) : undefined;
  if (el.notice && !notices) return noChange;
  // Checked on every render, shown or not, so that a hostile URL is reported once and at once.
  const alternativeHref = safeUrl(el.alternativeHref, {attribute: 'alternative-href', element: el});
  if (!el.supported) return renderUnsupported(el, alternativeHref);
  // The automatic upgrade, decided or tried silently: nothing on screen.
  if (el.quiet) return nothing;
  const busy = el.busy;
  // Settled: the passkey is ready, or this device has one already. Nothing more to create.
  const done = el.phase === 'success' || (el.notice?.kind === 'problem' && el.notice.problem === 'already-registered');
  const tone =
    el.notice?.kind === 'success'
      ? 'success'
      : // Only what needs the customer's attention is framed: the host's answer, or a device that failed.
        el.notice?.kind === 'error' || (el.notice?.kind === 'problem' && el.notice.problem === 'device')
        ? 'error'
        : 'info';
  // On one line: a space inside the status would stop `.status:empty` from hiding it.
  const notice = notices?.renderNotice(el) ?? nothing;
  return html`<slot name="brand"></slot>
    <div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      ${done ? nothing : renderActions(el, busy)}
      <div part="status" class="status" role="status" tabindex="-1" data-tone=${tone}>${notice}</div>
      ${done ? html`<slot name="success"></slot>` : nothing} ${renderAlternative(el, alternativeHref)} ${renderHelp(el)}
    </div>`;
}

/** The explanation and the buttons, before success. */
function renderActions(el: SereinPasskeyButton, busy: boolean) {
  return html`<p part="intro" class="intro" id="intro">${introText(el)} ${unlockText(el)}</p>
    <div class="actions">
      <button
        part="button"
        type="button"
        class="serein-button"
        aria-describedby="intro"
        aria-disabled=${busy ? 'true' : 'false'}
        @pointerenter=${el.preload}
        @pointerdown=${el.preload}
        @focus=${el.preload}
        @click=${el.onClick}
      >
        ${busy ? spinner : keyIcon}${buttonLabel(el)}
      </button>
      ${
        el.offersDismiss
          ? html`<button
              part="dismiss"
              type="button"
              class="serein-button serein-button--quiet"
              aria-disabled=${busy ? 'true' : 'false'}
              @click=${() => el.dismiss()}
            >
              ${t(el, 'passkey-button.dismiss', msg('Not now', {id: 'passkey-button.dismiss'}))}
            </button>`
          : nothing
      }
    </div>`;
}
