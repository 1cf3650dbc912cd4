import {html, nothing} from 'lit';
import {msg} from '@lit/localize';
import type {SereinPasskeyMode} from '../../events/passkey.js';
import {renderFormError} from '../../internal/error-view.js';
import {renderAlert} from '../../internal/alert.js';
import type {SereinPasskeyButton} from './passkey-button.js';
import type {PasskeyProblem} from './passkey-button.webauthn.js';
import {t} from '../../internal/wording.js';

// The notices of <serein-passkey-button>, which its first render never shows: what happened after
// a ceremony (success, a calm problem, the host's error). The view loads this module when a notice
// comes, and ahead of time once the browser is idle (CONTRIBUTING.md, "The loading rule").

type Translate = (id: string, localized: string) => string;

/** What the button says after a ceremony that gave no passkey: calm, and what to do next. */
function problemText(problem: PasskeyProblem, mode: SereinPasskeyMode, t: Translate): string {
  switch (problem) {
    case 'cancelled':
      return mode === 'register'
        ? t(
            'passkey-button.cancelled-register',
            msg('No passkey was created. You can try again whenever you are ready.', {
              id: 'passkey-button.cancelled-register',
            }),
          )
        : t(
            'passkey-button.cancelled-signin',
            msg('The passkey sign-in did not finish. You can try again, or choose another way to sign in.', {
              id: 'passkey-button.cancelled-signin',
            }),
          );
    case 'already-registered':
      return t(
        'passkey-button.already-registered',
        msg(
          'This device already has a passkey for this account, so there is nothing more to do. You can use it the next time you sign in.',
          {id: 'passkey-button.already-registered'},
        ),
      );
    case 'constraint':
      return t(
        'passkey-button.constraint',
        msg(
          'This device cannot create this kind of passkey. You can try again with another device, such as your phone or a security key.',
          {id: 'passkey-button.constraint'},
        ),
      );
    case 'unsupported':
      return t(
        'passkey-button.device-unsupported',
        msg('Passkeys cannot be used with this device. You can keep signing in the way you do now.', {
          id: 'passkey-button.device-unsupported',
        }),
      );
    case 'not-allowed-here':
      return t(
        'passkey-button.not-allowed-here',
        msg('Passkeys cannot be used on this page right now. You can keep signing in the way you do now.', {
          id: 'passkey-button.not-allowed-here',
        }),
      );
    default:
      return t(
        'passkey-button.device-error',
        msg('Your device could not use the passkey this time. Please try again.', {id: 'passkey-button.device-error'}),
      );
  }
}

/** What the button says once the host accepted the passkey. */
function successText(mode: SereinPasskeyMode, t: Translate): string {
  return mode === 'register'
    ? t(
        'passkey-button.success-register',
        msg('Your passkey is ready. Next time, you can sign in with it instead of your password.', {
          id: 'passkey-button.success-register',
        }),
      )
    : t(
        'passkey-button.success-signin',
        msg('You are signed in with your passkey.', {id: 'passkey-button.success-signin'}),
      );
}

export function renderNotice(el: SereinPasskeyButton) {
  const notice = el.notice;
  if (!notice) return nothing;
  const say = (id: string, localized: string) => t(el, id, localized);
  switch (notice.kind) {
    case 'success':
      return renderAlert('success', html`<p>${successText(el.effectiveMode, say)}</p>`);
    case 'problem':
      return renderAlert(
        notice.problem === 'device' ? 'critical' : 'info',
        html`<p>${problemText(notice.problem, el.effectiveMode, say)}</p>`,
      );
    default:
      return renderFormError(notice.error, errorStrings(el, notice.error.code), el.copied, () => el.markCopied());
  }
}

/**
 * The host's wording, with the button's own for a refused new passkey: the shared sentence
 * points to signing in another way, which means nothing to a customer who is signed in already.
 */
function errorStrings(el: SereinPasskeyButton, code: string) {
  if (code !== 'passkey-not-verified' || el.effectiveMode !== 'register') return el.strings;
  const own = msg('We could not confirm this passkey. You can try again whenever you are ready.', {
    id: 'passkey-button.not-verified-register',
  });
  return {'error.passkey-not-verified': t(el, 'passkey-button.not-verified-register', own), ...el.strings};
}
