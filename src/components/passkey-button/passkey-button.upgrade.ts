import type {SereinActionOutcome} from '../../internal/action-controller.js';
import type {SereinPasskeyResponseJSON} from '../../events/passkey.js';
import type * as WebAuthn from './passkey-button.webauthn.js';

// The automatic passkey upgrade of <serein-passkey-button mode="register" conditional>
// (WebAuthn L3 conditional create). Loaded only by an element that asks for it; the WebAuthn
// capability comes from the element.

/** Set for the browser session (no secret in it) when a silent upgrade failed: the next one is the visible offer. */
export const UPGRADE_FAILED_KEY = 'serein-passkey-upgrade-failed';

/** One attempt of an element; `done` once it ended (it is not tried again by this element). */
export interface UpgradeRun {
  cancelled: boolean;
  done: boolean;
  /** The silent request is waiting for the browser. */
  pending: boolean;
}

/** What the upgrade needs from the button. */
export interface UpgradeHost {
  /** The element's current attempt (another one, or none, once this one was ended). */
  current(): UpgradeRun | undefined;
  /** Shows the visible offer (`offer`), or nothing while trying silently (`silent`). */
  show(upgrade: 'silent' | 'offer'): void;
  /** Loads the WebAuthn capability and the action protocol. */
  prepare(): Promise<Pick<typeof WebAuthn, 'perform' | 'validOptions'>>;
  /** Asks the host for the options (`serein-passkey-options`, conditional). */
  options(): Promise<SereinActionOutcome<unknown>>;
  /** The host's verification of the device's answer; resolves with whether it was accepted. */
  verify(options: unknown, response: SereinPasskeyResponseJSON): Promise<boolean>;
  /** The diagnostic event of a WebAuthn error (nothing shown). */
  reportError(name: string): void;
  warnOnce(message: string): void;
}

/** Whether the browser can create a passkey without a dialog (WebAuthn L3 conditional create). */
async function silentCreateAvailable(): Promise<boolean> {
  const api = window.PublicKeyCredential as unknown as
    {getClientCapabilities?: () => Promise<Record<string, boolean | undefined>>} | undefined;
  try {
    return (await api?.getClientCapabilities?.())?.conditionalCreate === true;
  } catch {
    return false;
  }
}

/** Session storage can be missing or refuse (a sandboxed frame): then nothing is remembered. */
function upgradeFailedBefore(): boolean {
  try {
    return sessionStorage.getItem(UPGRADE_FAILED_KEY) !== null;
  } catch {
    return false;
  }
}

function rememberUpgradeFailed(): void {
  try {
    sessionStorage.setItem(UPGRADE_FAILED_KEY, '1');
  } catch {
    // Nothing remembered: the next suitable moment tries silently again.
  }
}

/**
 * The automatic upgrade: silently where the browser can, else (or after a failure earlier in
 * this browser session) the visible offer. A silent failure shows nothing: the diagnostic
 * event only, and the next upgrade of the session is the visible offer.
 */
export async function tryUpgrade(run: UpgradeRun, host: UpgradeHost): Promise<void> {
  const ended = () => run.cancelled || host.current() !== run;
  if (upgradeFailedBefore() || !(await silentCreateAvailable())) {
    if (ended()) return;
    run.done = true;
    host.show('offer');
    return;
  }
  if (ended()) return;
  host.show('silent');
  const ceremony = await host.prepare();
  if (ended()) return;
  const options = await host.options();
  if (ended()) return;
  if (options.status !== 'done' || !ceremony.validOptions('register', options.value)) {
    if (options.status === 'done') {
      host.warnOnce(
        'serein-passkey-options was answered with something other than the options JSON of @simplewebauthn/server; no passkey upgrade.',
      );
    }
    run.done = true;
    rememberUpgradeFailed();
    return;
  }
  run.pending = true;
  const outcome = await ceremony.perform('register', options.value, true);
  run.pending = false;
  // Ended by leaving the page: tried again when the element is back.
  if (ended()) return;
  run.done = true;
  if (outcome.status === 'error') {
    host.reportError(outcome.name);
    rememberUpgradeFailed();
    return;
  }
  if (!(await host.verify(options.value, outcome.response))) rememberUpgradeFailed();
}
