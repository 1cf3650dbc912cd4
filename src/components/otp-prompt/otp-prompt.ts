import {css, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {SereinElement} from '../../internal/core/serein-element.js';
import {hostStyles} from '../../internal/core/host-styles.js';
import {LightDomController, renderBase, uniqueId} from '../../internal/core/light-dom.js';
import {JourneyController} from '../../internal/core/journey-controller.js';
import {Countdown, FormFlowController} from '../../internal/core/form-flow.js';
import {lazy, lazyView, loadWhenIdle} from '../../internal/core/lazy.js';
import type {SereinError} from '../../internal/errors.js';
import type {CodeFieldController} from '../../internal/code-field.js';
import type {SereinOtpAlternative, SereinOtpChannel} from '../../events/otp-prompt.js';

/** Every template and string of the prompt: its import starts with this module (CONTRIBUTING.md). */
const view = lazyView(() => import('./otp-prompt.view.js'));
type View = typeof import('./otp-prompt.view.js');
/** The code input's behaviour (typing, paste, autofill), needed with the first view. */
const codeFieldModule = lazy(() => import('./otp-prompt.code-field.js'), {now: true});
/** The states the first render never shows (the field's problem, errors, a lock-out, the accepted code). */
const laterStates = lazy(() => import('./otp-prompt.states.js'));
type States = typeof import('./otp-prompt.states.js');
/** WebOTP, on the `sms` channel only. */
const webOtpModule = lazy(() => import('./otp-prompt.webotp.js'));
/** The submission and the resend: fetched once the browser is idle after connecting. */
const actionsModule = lazy(() => import('./otp-prompt.actions.js'));

/** The channels the prompt knows (the view asks through `isChannel()`). */
const CHANNELS: readonly SereinOtpChannel[] = ['app', 'sms', 'email', 'backup-code'];
const DEFAULT_LENGTH = 6;
const DEFAULT_GROUP_SIZE = 4;
const DEFAULT_RESEND_AFTER = 30;

/** What the code field is told: a problem found before sending, or the host's error. @internal */
export type OtpFieldError = '' | 'incomplete' | SereinError;

/**
 * The one-time-code prompt of a two-step sign-in: one real input for the whole code (typing, pasting, the browser's
 * and password managers' autofill, WebOTP on `sms`), drawn as boxes that follow the caret; copy that says where the
 * code went and how long it may take; a resend that stays visible with a quiet countdown; "Try another way"; "Don't
 * ask again on this device". Its form lives in the page's DOM; the host's backend answers `serein-otp-submit` through
 * `waitUntil`.
 *
 * @tagname serein-otp-prompt
 * @summary A one-time-code prompt that pastes, autofills and never punishes.
 *
 * @slot success - Host content shown after the host accepted the code, under the confirmation: the next step.
 * @csspart base - The wrapper of the component.
 *
 * @cssprop [--serein-otp-prompt-max-width=var(--serein-max-width, 32rem)] - The largest width of the prompt; the global `--serein-max-width` (32rem) sets it for every component at once.
 * @cssprop [--serein-otp-prompt-box-size=2.75rem] - The width of one code box.
 *
 * @cssstate busy - The host is checking the code or sending a new one.
 * @cssstate success - The host accepted the code.
 *
 * @fires {CustomEvent<SereinOtpSubmitDetail>} serein-otp-submit - The customer submitted a code; call `waitUntil` with your check. The only event that carries the code.
 * @fires {CustomEvent<SereinOtpResendDetail>} serein-otp-resend - The customer asked for a new code; call `waitUntil` with your send.
 * @fires {CustomEvent<SereinOtpSwitchDetail>} serein-otp-switch - The customer chose another way under "Try another way"; set `channel` and `destination` once the new code is on its way.
 * @fires {CustomEvent<SereinOtpVerifiedDetail>} serein-otp-verified - The host accepted the code.
 * @fires {CustomEvent<SereinJourneyDetail>} serein-journey - shown, started, step (`resend`, `switch`), submitted, failed, succeeded, abandoned.
 */
export class SereinOtpPrompt extends SereinElement {
  /**
   * The element's own shadow styles, before its view arrives: its width, and the space the prompt will take
   * (between its height at 32rem wide and at a phone's width, a line taller), so that nothing below moves.
   */
  // prettier-ignore
  static override styles = [hostStyles, css`
    :host { max-inline-size: var(--serein-otp-prompt-max-width, var(--_max-width)); }
    .base.loading { min-block-size: 19.85rem; }
    :host([channel='sms']) .base.loading { min-block-size: 24.6rem; }
    :host([channel='email']) .base.loading { min-block-size: 25.7rem; }
  `];

  /** @internal */
  readonly journey = new JourneyController(this, {component: 'otp-prompt'});
  /** @internal */
  readonly ids = {
    title: uniqueId('serein-otp-prompt-title'),
    intro: uniqueId('serein-otp-prompt-intro'),
    code: uniqueId('serein-otp-prompt-code'),
    hint: uniqueId('serein-otp-prompt-hint'),
    auto: uniqueId('serein-otp-prompt-auto'),
    error: uniqueId('serein-otp-prompt-error'),
    remember: uniqueId('serein-otp-prompt-remember'),
    rememberHint: uniqueId('serein-otp-prompt-remember-hint'),
    alert: uniqueId('serein-otp-prompt-alert'),
    wait: uniqueId('serein-otp-prompt-wait'),
    lock: uniqueId('serein-otp-prompt-lock'),
    others: uniqueId('serein-otp-prompt-others'),
    success: uniqueId('serein-otp-prompt-success'),
  };
  /** @internal */
  readonly light: LightDomController<View, States> = new LightDomController(this, {
    view,
    states: laterStates,
    // The form appears with its code field, never without it.
    render: (module: View) => (this.codeField ? module.renderForm(this) : nothing),
  });
  /** @internal */
  readonly flow: FormFlowController = new FormFlowController(this, {
    journey: this.journey,
    root: () => this.light.container,
    alertId: this.ids.alert,
    // Errors come only from a submission, which loaded the actions module.
    place: (error) => actionsModule.value?.place(this, error),
  });
  protected override viewReady = () => Promise.all([this.light.ready(), this.useCodeField()]);
  protected override viewStyles = () => view.value?.shadowStyles;
  /** The code input's behaviour, once its module is here. @internal */
  codeField: CodeFieldController | undefined;
  /** The pending WebOTP request, if any. @internal */
  webOtp: AbortController | undefined;
  /** Set when the customer chose another way: the title takes focus once the host switched. @internal */
  switching = false;

  /** @internal */
  @state() fieldError: OtpFieldError = '';
  /** @internal */
  @state() success = false;
  /** @internal */
  @state() resending = false;
  /** Before a new code can be asked for: a quiet countdown whose end is said. @internal */
  readonly resendWait = new Countdown(() => this.requestUpdate());
  /** The polite status line: a new code was sent (the view says when the wait is over). @internal */
  @state() status: '' | 'resend-sent' = '';
  /** "Try another way" is open (the view's disclosure toggles it). @internal */
  @state() othersOpen = false;

  /** Where the code is: `app` (default), `sms`, `email` or `backup-code` (letters and digits, any length). */
  @property({reflect: true}) channel: SereinOtpChannel = 'app';

  /** Where the code was sent, already masked by the host (`•••• 42`, `c•••@example.com`); shown as text. */
  @property() destination = '';

  /** The number of digits of a code (6 by default; 8 works too). Not used by `backup-code`. */
  @property({type: Number}) length = DEFAULT_LENGTH;

  /** The size of the readable groups a backup code is shown in (`ABCD-EFGH`). */
  @property({type: Number, attribute: 'group-size'}) groupSize = DEFAULT_GROUP_SIZE;

  /** Seconds before "Send a new code" can be used (`sms` and `email`); counted from when the element is shown. */
  @property({type: Number, attribute: 'resend-after'}) resendAfter = DEFAULT_RESEND_AFTER;

  /** Submit as soon as the last digit arrives; a visible hint says so before the customer types. */
  @property({type: Boolean, attribute: 'auto-submit'}) autoSubmit = false;

  /** Offer "Don't ask for a code again on this device". */
  @property({type: Boolean, attribute: 'remember-device'}) rememberDevice = false;

  /** With `remember-device`: for how many days the device is remembered (told to the customer). */
  @property({type: Number, attribute: 'remember-days'}) rememberDays = 0;

  /** Other ways to get a code, offered under "Try another way" (`serein-otp-switch`). */
  @property({attribute: false}) alternatives: SereinOtpAlternative[] = [];

  /** A help page; the link is always shown at the same place, under the form. */
  @property({attribute: 'support-href'}) supportHref = '';

  /** The text of the help link (default "Need help? Contact support"). */
  @property({attribute: 'support-label'}) supportLabel = '';

  /** Without a `waitUntil` listener, submit the form natively (method POST) to this URL. */
  @property() action = '';

  override connectedCallback(): void {
    super.connectedCallback();
    loadWhenIdle(actionsModule);
    this.restartResendWait();
    // WebOTP fills the field, so it starts once the field is there.
    void this.useCodeField()
      .then(() => this.updateComplete)
      .then(() => this.startWebOtp());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resendWait.pause();
    this.stopWebOtp();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channel') && !this.isChannel(this.channel)) {
      this.warnOnce(`channel must be one of ${CHANNELS.join(', ')}; using "app".`);
    }
    if (changed.has('length') && !this.validLength) {
      this.warnOnce(`length must be a whole number from 4 to 12; using ${DEFAULT_LENGTH}.`);
    }
    // A new wait before resending applies from now.
    if (changed.has('resendAfter') && this.hasUpdated && !changed.has('channel') && !changed.has('destination')) {
      this.restartResendWait();
    }
    // A new channel or destination means a new code is on its way: start afresh.
    if ((changed.has('channel') || changed.has('destination')) && this.hasUpdated) {
      this.codeField?.clear();
      this.fieldError = '';
      this.status = '';
      this.othersOpen = false;
      this.flow.actions?.clearError();
      this.restartResendWait();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.toggleStates({busy: this.flow.pending, success: this.success});
    if (changed.has('channel') && changed.get('channel') !== undefined) this.startWebOtp();
    if (this.switching && (changed.has('channel') || changed.has('destination'))) {
      this.switching = false;
      this.light.container.querySelector<HTMLElement>(`#${this.ids.title}`)?.focus();
    }
  }

  /** One of the channels the prompt knows. @internal */
  isChannel(channel: unknown): channel is SereinOtpChannel {
    return CHANNELS.includes(channel as SereinOtpChannel);
  }

  /** @internal */
  get effectiveChannel(): SereinOtpChannel {
    return this.isChannel(this.channel) ? this.channel : 'app';
  }

  private get validLength(): boolean {
    return Number.isInteger(this.length) && this.length >= 4 && this.length <= 12;
  }

  /** @internal */
  get effectiveLength(): number {
    return this.validLength ? this.length : DEFAULT_LENGTH;
  }

  /** @internal */
  get numeric(): boolean {
    return this.effectiveChannel !== 'backup-code';
  }

  /** A code was sent by the host (`sms`, `email`), so a new one can be asked for. @internal */
  get canResend(): boolean {
    return this.effectiveChannel === 'sms' || this.effectiveChannel === 'email';
  }

  private async useCodeField(): Promise<CodeFieldController> {
    const {attachCodeField} = await codeFieldModule.load();
    this.codeField ??= attachCodeField(this);
    this.requestUpdate();
    return this.codeField;
  }

  /** The customer edited the code (otp-prompt.code-field.ts). @internal */
  onEdit(): void {
    this.journey.start();
    // The customer types the code themselves: the browser's SMS prompt is no longer needed.
    this.stopWebOtp();
    if (this.fieldError) this.fieldError = '';
  }

  /** WebOTP (`sms` only, where the browser has it): the code from the text message, with consent. @internal */
  startWebOtp(): void {
    this.stopWebOtp();
    if (!this.isConnected || this.success || this.effectiveChannel !== 'sms' || !this.codeField) return;
    const controller = new AbortController();
    this.webOtp = controller;
    // A module that fails to load changes nothing: typing and pasting still work.
    webOtpModule.load().then(({fillFromSms}) => fillFromSms(this, controller), Boolean);
  }

  /** @internal */
  stopWebOtp(): void {
    this.webOtp?.abort();
    this.webOtp = undefined;
  }

  /** @internal */
  restartResendWait(): void {
    const seconds =
      Number.isFinite(this.resendAfter) && this.resendAfter >= 0 ? this.resendAfter : DEFAULT_RESEND_AFTER;
    this.resendWait.start(seconds);
  }

  /** @internal */
  readonly onSubmit = (event: SubmitEvent) =>
    this.flow.guard(event, async () => (await actionsModule.load()).submit(this), this.resending || this.success);

  /** @internal */
  get codeInput(): HTMLInputElement | null {
    return this.light.container.querySelector<HTMLInputElement>(`#${this.ids.code}`);
  }

  /** "Send a new code" (otp-prompt.actions.ts, fetched once idle after connecting). @internal */
  async resend(): Promise<void> {
    return (await actionsModule.load()).resend(this);
  }

  /** The customer chose another way (otp-prompt.actions.ts). @internal */
  async switchTo(alternative: SereinOtpAlternative): Promise<void> {
    (await actionsModule.load()).switchTo(this, alternative);
  }

  protected override render() {
    return renderBase(!this.light.view || !this.codeField, [{name: 'success', hidden: !this.success}]);
  }
}
