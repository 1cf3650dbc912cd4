import {css, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {SereinElement} from '../../internal/core/serein-element.js';
import {hostStyles} from '../../internal/core/host-styles.js';
import {JourneyController} from '../../internal/core/journey-controller.js';
import type {ActionController} from '../../internal/action-controller.js';
import type {SereinError} from '../../internal/errors.js';
import type {SereinPasskeyMode} from '../../events/passkey.js';
import {renderBase} from '../../internal/core/light-dom.js';
import {lazy, lazyView, loadWhenIdle} from '../../internal/core/lazy.js';
import type {LaterStates} from '../../internal/later-state.js';
import type {PasskeyProblem} from './passkey-button.webauthn.js';
import type {PasskeyPrefetch} from './passkey-button.prefetch.js';
import type {UpgradeRun} from './passkey-button.upgrade.js';
import type {AutofillOffer} from './passkey-button.autofill.js';

/** Every template and string of the button: its import starts with this module (CONTRIBUTING.md). */
const view = lazyView(() => import('./passkey-button.view.js'));
/** The notices after a ceremony: loaded when one comes, and fetched once idle after connecting. */
const laterNotices = lazy(() => import('./passkey-button.states.js'));
type Notices = typeof import('./passkey-button.states.js');
/** @simplewebauthn/browser, loaded by the first element that needs it. */
const webauthn = lazy(() => import('./passkey-button.webauthn.js'));
/** Loaded with it: the action protocol, the options fetched ahead of the click, the button's own ceremony. */
const protocol = lazy(() => import('../../internal/action-controller.js'));
const prefetch = lazy(() => import('./passkey-button.prefetch.js'));
const flow = lazy(() => import('./passkey-button.flow.js'));
/** Loaded by an element that asks for it: the automatic upgrade (`mode="register" conditional`), passkey autofill (`signin`). */
const upgrading = lazy(() => import('./passkey-button.upgrade.js'));
const autofilling = lazy(() => import('./passkey-button.autofill.js'));
/** @internal */ export type Ceremony = NonNullable<typeof webauthn.value> &
  NonNullable<typeof protocol.value> &
  NonNullable<typeof prefetch.value> &
  NonNullable<typeof flow.value>;
/** All four, loaded side by side, as one object: what a ceremony needs. */
const loadCeremony = async (): Promise<Ceremony> =>
  Object.assign({}, ...(await Promise.all([webauthn.load(), protocol.load(), prefetch.load(), flow.load()])));

const MODES: readonly SereinPasskeyMode[] = ['register', 'signin'];

/** Where the button is in its ceremony. */
type Phase = 'idle' | 'preparing' | 'waiting' | 'verifying' | 'success';

/**
 * The automatic upgrade (`mode="register" conditional`): `checking` the browser, `silent` (created without a
 * dialog: nothing is shown unless it succeeds), the visible `offer` (no such capability, or a silent attempt of
 * this session failed), or `upgraded` (the silent attempt succeeded: the success line is shown).
 */
type Upgrade = 'checking' | 'silent' | 'offer' | 'upgraded';

/** What the status line says after the system dialog. @internal */
export type Notice =
  {kind: 'problem'; problem: PasskeyProblem} | {kind: 'error'; error: SereinError} | {kind: 'success'};

const webAuthnAvailable = () => typeof window.PublicKeyCredential === 'function';

/**
 * A button to create a passkey (`mode="register"`) or to sign in with one (`mode="signin"`), with a short
 * explanation before the browser's own dialog that names how this device will ask to confirm (Touch ID, Face ID,
 * Windows Hello, or the fingerprint, face or screen lock), a busy state while that dialog is open, and a calm line
 * afterwards. A cancel is never shown as a failure. The host's backend makes the options (`serein-passkey-options`,
 * `respondWith`) and verifies the answer (`serein-passkey-verify`, `waitUntil`); `@simplewebauthn/browser` runs the
 * ceremony and is loaded on the first interaction. A message that points to another way to continue comes with
 * that way (`alternative-href`, the `alternative` slot, or `serein-passkey-alternative`); the help link
 * (`support-href`) is last in every state.
 *
 * Hidden in browsers without WebAuthn, unless `show-unsupported` asks for an explanation. With `conditional`
 * (sign-in), passkeys are also offered in the autofill list of the page's `<input autocomplete="username webauthn">`;
 * pressing the button ends that offer quietly. With `conditional` (register, just after a full sign-in), the
 * automatic passkey upgrade: where the browser can (`getClientCapabilities().conditionalCreate`), it creates the
 * passkey without a dialog and the element shows nothing unless that succeeds; elsewhere, or once a silent attempt
 * of this browser session failed, the visible offer with "Not now".
 *
 * @tagname serein-passkey-button
 * @summary Create or use a passkey, with calm copy before and after the system dialog.
 *
 * @csspart base - The wrapper of the explanation, the buttons and the status line.
 * @csspart intro - The explanation shown before the system dialog.
 * @csspart button - The passkey button.
 * @csspart icon - The key drawn in the button (decorative).
 * @csspart dismiss - The "Not now" button (with `dismissible`).
 * @csspart status - The status line (a live region): what happened after the system dialog, or why passkeys are not available.
 * @csspart alternative - The other way to continue (a link with `alternative-href`, else a button), shown with every message that points to it.
 * @csspart alert - The box of a notice in the status line, in its tone (`data-tone`: info, success, warning, critical).
 *
 * @slot alternative - Your own other way to continue (such as a link to the password sign-in), shown instead of the built-in one, with every message that points to it.
 * @slot success - Host content shown under the success notice: the next step (a "Continue" link, an offer).
 *
 * @cssprop [--serein-passkey-button-max-width=var(--serein-max-width, 32rem)] - The largest width of the component.
 *
 * @cssstate busy - Getting the options, waiting for the device, or waiting for the host's verification.
 * @cssstate upgrading - The automatic upgrade is being tried silently: the element shows nothing.
 * @cssstate success - The host accepted the passkey.
 * @cssstate unsupported - This browser cannot use passkeys (the element is hidden unless `show-unsupported`).
 *
 * @fires {CustomEvent<SereinPasskeyOptionsDetail>} serein-passkey-options - The button needs the ceremony's options: call `respondWith(promise)` with your backend's options JSON. `conditional` is true for passkey autofill (sign-in) and the automatic upgrade (register); `prefetch` is true when asked ahead of a click (first pointer or focus), each answer being used once at most.
 * @fires {CustomEvent<SereinPasskeyVerifyDetail>} serein-passkey-verify - The device answered: send `response` to your backend and call `waitUntil(promise)`. The only event that carries the credential.
 * @fires {CustomEvent<SereinPasskeySuccessDetail>} serein-passkey-success - Your backend accepted the passkey.
 * @fires {CustomEvent<SereinPasskeyErrorDetail>} serein-passkey-error - The browser's ceremony ended without a passkey (`name` is the WebAuthn error name), for your diagnostics; never for an abort the button made itself.
 * @fires {CustomEvent<SereinPasskeyModeDetail>} serein-passkey-dismiss - The customer chose "Not now" (with `dismissible`). Cancelable: unless a listener calls `preventDefault()`, the element then hides itself.
 * @fires {CustomEvent<SereinPasskeyModeDetail>} serein-passkey-alternative - The customer chose the other way to continue (the built-in button, shown when neither `alternative-href` nor the `alternative` slot is given): take them there.
 * @fires {CustomEvent<SereinPasskeyModeDetail>} serein-passkey-unsupported - This browser cannot use passkeys (sent once per connection, whether or not `show-unsupported` is set).
 * @fires {CustomEvent<SereinJourneyDetail>} serein-journey - shown, started, step (`cancelled`; `upgraded` before the `succeeded` of a silent upgrade), submitted, failed, succeeded, deferred, abandoned.
 */
export class SereinPasskeyButton extends SereinElement {
  /** Its own shadow styles before the view: the width, and the space the view will take (CONTRIBUTING.md). */
  // prettier-ignore
  static override styles = [hostStyles, css`
    :host { max-inline-size: var(--serein-passkey-button-max-width, var(--_max-width)); }
    :host(:state(unsupported):not([show-unsupported])) { display: none; }
    .base.loading { min-block-size: 7.45rem; }
    :host([mode='register']) .base.loading { min-block-size: 8.55rem; }
    :host(:state(unsupported)) .base.loading { min-block-size: 5.75rem; }
    :host(:state(upgrading)) .base.loading { min-block-size: 0; }
  `];

  /** @internal */
  readonly journey = new JourneyController(this, {component: 'passkey-button', shown: () => this.visible});
  /** The protocol for the button's own ceremony (busy state), loaded on first use. @internal */ actions?: ActionController;
  /** The protocol for passkey autofill, which never makes the button busy. */ private background?: ActionController;
  /** The passkey autofill offer, if started; `cancelled` once the button took over. */ private autofill?: AutofillOffer;
  /** The silent upgrade, once started; `done` once it ended (never tried again here). */ private upgradeRun?: UpgradeRun;
  /** A ceremony of this element is waiting for the browser. @internal */ dialogOpen = false;
  /** Grows when the element leaves the page: work started before then stops quietly. @internal */ generation = 0;
  /** Options asked for ahead of the click (first pointer or focus), until used or expired. @internal */ ahead?: PasskeyPrefetch;

  /** @internal */ @state() supported = true;
  /** @internal */ @state() phase: Phase = 'idle';
  /** @internal */ @state() notice: Notice | undefined;
  /** @internal */ ceremony: Ceremony | undefined;
  /** @internal */ @state() copied = false;
  /** @internal */ @state() upgrade: Upgrade | undefined;
  /** The notices' module, and it on its way (src/internal/later-state.ts). @internal */
  readonly laterNotices: LaterStates<Notices> & {states: typeof laterNotices} = {states: laterNotices};
  protected override viewReady = () => Promise.all([view.load(), this.laterNotices.pending]);
  protected override viewStyles = () => view.value?.shadowStyles;

  /** `register` creates a passkey for the signed-in account; `signin` (default) signs in with one. */
  @property({reflect: true}) mode: SereinPasskeyMode = 'signin';

  /**
   * Sign-in: also offer passkeys in the autofill list of the page's `<input autocomplete="username webauthn">`
   * (same document or shadow root), where the browser supports it. Pressing the button ends that offer quietly.
   *
   * Register (place it just after a full sign-in, second step included): the automatic passkey upgrade. Where
   * the browser reports `conditionalCreate`, the options are asked for at once (`conditional: true`) and the
   * passkey is created without a dialog; nothing is shown unless it succeeds, and a failure is remembered for
   * the browser session, whose next upgrade is the visible offer. Without the capability: the visible offer.
   */
  @property({type: Boolean}) conditional = false;

  /** Add a "Not now" button (`serein-passkey-dismiss`). */ @property({type: Boolean}) dismissible = false;

  /** In a browser without passkeys, explain calmly instead of hiding the element. */
  @property({type: Boolean, attribute: 'show-unsupported'}) showUnsupported = false;

  /** The other way to continue (such as the password sign-in), offered with every message that points to it. */
  @property({attribute: 'alternative-href'}) alternativeHref = '';

  /** A help page; the link is always shown at the same place, last. */
  @property({attribute: 'support-href'}) supportHref = '';

  /** The text of the help link (default "Need help? Contact support"). */
  @property({attribute: 'support-label'}) supportLabel = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // Read at connection, so a page (or a test) that removes WebAuthn first is seen as it is.
    this.supported = webAuthnAvailable();
    if (!view.value) void view.load().then(() => this.requestUpdate());
    loadWhenIdle(laterNotices);
    // Back in the page: autofill is offered again (see updated()).
    this.requestUpdate();
    if (!this.supported) {
      void this.updateComplete.then(() => {
        if (this.isConnected) this.emit('serein-passkey-unsupported', {mode: this.effectiveMode});
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.generation += 1;
    // Leaving the page ends this element's pending ceremony (docs/requirements.md PK-03).
    if (this.dialogOpen) this.ceremony?.cancelCeremony();
    this.dialogOpen = false;
    this.stopAutofill();
    // An upgrade the page interrupted is tried again when the element is back.
    if (this.upgradeRun && !this.upgradeRun.done) {
      this.endUpgrade();
      this.upgrade = 'checking';
    }
    this.ahead?.drop();
    this.phase = 'idle';
    this.notice = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('mode') && !MODES.includes(this.mode)) {
      this.warnOnce(`mode must be "register" or "signin"; using "signin".`);
    }
    const upgrading = this.conditional && this.effectiveMode === 'register' && this.supported;
    if (!upgrading) {
      // No longer asked for (the attribute went): a pending silent request ends quietly.
      this.endUpgrade();
      this.upgrade = undefined;
    } else {
      // Decided before the first render, so that nothing shows while the browser is asked.
      this.upgrade ??= 'checking';
    }
  }

  protected override updated(): void {
    this.toggleStates({
      busy: this.busy,
      success: this.phase === 'success',
      unsupported: !this.supported,
      upgrading: this.quiet,
    });
    if (this.upgrade === 'checking' && !this.upgradeRun && this.isConnected && !this.hidden) {
      this.startUpgrade();
    }
    if (
      this.conditional &&
      this.effectiveMode === 'signin' &&
      this.supported &&
      this.isConnected &&
      !this.hidden &&
      !this.autofill &&
      this.phase === 'idle'
    ) {
      this.startAutofill();
    }
  }

  /** @internal */ get effectiveMode(): SereinPasskeyMode {
    return MODES.includes(this.mode) ? this.mode : 'signin';
  }

  /** @internal */ get busy(): boolean {
    return this.phase === 'preparing' || this.phase === 'waiting' || this.phase === 'verifying';
  }

  private get visible(): boolean {
    return !this.hidden && (this.supported || this.showUnsupported) && !this.quiet;
  }

  /** The upgrade is being decided or tried silently: nothing is shown. @internal */ get quiet(): boolean {
    return this.upgrade === 'checking' || this.upgrade === 'silent';
  }

  /** "Not now" is offered: asked for, or an upgrade offer the customer did not ask for. @internal */
  get offersDismiss(): boolean {
    return this.dismissible || this.upgrade === 'offer';
  }

  /** The automatic upgrade (`passkey-button.upgrade.ts`), once per element unless the page interrupts it. */
  private startUpgrade(): void {
    const run: UpgradeRun = {cancelled: false, done: false, pending: false};
    this.upgradeRun = run;
    void upgrading.load().then((module) =>
      module.tryUpgrade(run, {
        current: () => this.upgradeRun,
        show: (upgrade) => (this.upgrade = upgrade),
        ...this.quietHost('register'),
        verify: async (options, response) => {
          await this.ceremony!.verify(this, this.ceremony!, options, response, true);
          return this.phase === 'success';
        },
      }),
    );
  }

  /** What the silent upgrade and passkey autofill share: both ask in the background and show no error. */
  private quietHost(mode: SereinPasskeyMode) {
    return {
      prepare: () => this.useCeremony(),
      options: () => {
        this.background ??= new this.ceremony!.ActionController(this);
        return this.background.run('serein-passkey-options', {mode, conditional: true, prefetch: false});
      },
      reportError: (name: string) => this.ceremony!.reportError(this, name, true),
      warnOnce: (message: string) => this.warnOnce(message),
    };
  }

  /** @internal */
  async useCeremony(): Promise<Ceremony> {
    return (this.ceremony ??= await loadCeremony());
  }

  /**
   * The customer comes near the button (pointer or focus): the ceremony module loads, and the
   * options are asked for now, so that the click can start the ceremony at once.
   * @internal
   */
  readonly preload = () => void this.fetchAhead();

  /** The options are asked for ahead (`passkey-button.prefetch.ts`) while the button can be used. */
  private async fetchAhead(): Promise<void> {
    const ceremony = await this.useCeremony();
    if (!this.isConnected || !this.supported || this.phase !== 'idle' || this.hidden) return;
    this.ahead ??= new ceremony.PasskeyPrefetch({
      element: this,
      generation: () => this.generation,
      expired: () => this.refetchIfNear(),
      validOptions: ceremony.validOptions,
    });
    await this.ahead.fetch(this.effectiveMode);
  }

  /** After a ceremony or an expiry, while the pointer or the focus is still on the button. @internal */
  refetchIfNear(): void {
    const control = this.renderRoot.querySelector<HTMLButtonElement>('button[part="button"]');
    if (control && (control.matches(':hover') || control.matches(':focus'))) void this.fetchAhead();
  }

  /** Passkey autofill (`passkey-button.autofill.ts`), offered again after a verification the host refused. */
  private startAutofill(): void {
    const offer: AutofillOffer = {cancelled: false, pending: false};
    this.autofill = offer;
    const generation = this.generation;
    void autofilling.load().then(({offerAutofill}) =>
      offerAutofill(offer, {
        element: this,
        left: () => generation !== this.generation,
        ...this.quietHost('signin'),
        verify: async (options, response) => {
          this.journey.start();
          this.notice = undefined;
          await this.ceremony!.verify(this, this.ceremony!, options, response, true);
          // Not accepted: offer autofill again, beside the message.
          if (this.phase === 'idle' && this.autofill === offer) {
            this.autofill = undefined;
            this.requestUpdate();
          }
        },
      }),
    );
  }

  /** Ends the autofill offer quietly; cleared, so that it is offered again once the button's own ceremony is over. */
  private stopAutofill(): void {
    const offer = this.autofill;
    if (!offer) return;
    offer.cancelled = true;
    this.autofill = undefined;
    if (offer.pending) this.ceremony?.cancelCeremony();
    offer.pending = false;
  }

  /** Ends the current upgrade attempt quietly (a pending silent request is cancelled). */
  private endUpgrade(): void {
    const run = this.upgradeRun;
    if (!run) return;
    run.cancelled = true;
    this.upgradeRun = undefined;
    if (run.pending) this.ceremony?.cancelCeremony();
    run.pending = false;
  }

  /**
   * With options fetched ahead (and the ceremony module loaded), the system dialog is asked for
   * in the click's own task; otherwise the options are asked for first, as before.
   * @internal
   */
  readonly onClick = () => {
    if (this.busy || this.phase === 'success') return;
    const mode = this.effectiveMode;
    this.journey.start();
    this.notice = undefined;
    this.copied = false;
    this.stopAutofill();
    const ceremony = this.ceremony;
    const options = ceremony ? this.ahead?.take(mode) : undefined;
    if (ceremony && options !== undefined) void ceremony.runCeremony(this, ceremony, mode, options);
    else {
      // Shown as busy at once; the ceremony module may still be on its way.
      const generation = this.generation;
      this.phase = 'preparing';
      void this.useCeremony().then((loaded) => loaded.fetchThenRun(this, loaded, mode, generation));
    }
  };

  /** @internal */ markCopied = (): void => void (this.copied = true);

  /** @internal */
  dismiss(): void {
    if (this.busy) return;
    this.stopAutofill();
    this.journey.deferred();
    if (this.emit('serein-passkey-dismiss', {mode: this.effectiveMode}, {cancelable: true})) this.hidden = true;
  }

  protected override render() {
    const v = view.value;
    return v ? v.render(this) : renderBase(true);
  }
}
