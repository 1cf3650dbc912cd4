import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {SereinElement} from '../../internal/core/serein-element.js';
import {tokenStyles} from '../../internal/core/tokens.js';
import {LightDomController, uniqueId} from '../../internal/core/light-dom.js';
import {JourneyController} from '../../internal/core/journey-controller.js';
import type {ActionController} from '../../internal/action-controller.js';
import type {SereinError} from '../../internal/errors.js';
import type {CodeFieldController} from '../../internal/code-field.js';
import type {
  SereinOtpAlternative,
  SereinOtpChannel,
  SereinOtpResendBody,
  SereinOtpSubmitBody,
} from '../../events/otp-prompt.js';
import {otpPromptStyles} from './otp-prompt.styles.js';
import type {OtpPromptView} from './otp-prompt.parts.js';

type Parts = typeof import('./otp-prompt.parts.js');
let partsModule: Promise<Parts> | undefined;
/** The words and secondary parts, requested as soon as the first element is connected. */
const loadParts = () => (partsModule ??= import('./otp-prompt.parts.js'));

const CHANNELS: readonly SereinOtpChannel[] = ['app', 'sms', 'email', 'backup-code'];
const DEFAULT_LENGTH = 6;
const DEFAULT_GROUP_SIZE = 4;
const DEFAULT_RESEND_AFTER = 30;

/** Codes rejected in a way that makes the typed code useless: it is cleared. */
const CODE_REJECTIONS = new Set(['code-incorrect', 'code-expired', 'too-many-attempts']);

/**
 * The one-time-code prompt of a two-step sign-in: one real input for the whole code (typing,
 * pasting, the browser's and password managers' autofill, WebOTP on `sms`), drawn as boxes that
 * follow the caret; copy that says where the code went and how long it may take; a resend that
 * stays visible with a quiet countdown; "Try another way"; "Don't ask again on this device".
 * Its form lives in the page's DOM; the host's backend answers `serein-otp-submit` through
 * `waitUntil`.
 *
 * @tagname serein-otp-prompt
 * @summary A one-time-code prompt that pastes, autofills and never punishes.
 *
 * @csspart base - The wrapper of the component.
 *
 * @cssprop [--serein-otp-prompt-max-width=30rem] - The largest width of the prompt.
 * @cssprop [--serein-otp-prompt-box-size=2.75rem] - The width of one code box.
 * @cssprop [--serein-color-accent] - Buttons, links and the active box (global token).
 * @cssprop [--serein-color-danger] - Errors (global token).
 * @cssprop [--serein-color-border] - Box and input borders (global token).
 * @cssprop [--serein-radius] - Corner radius (global token).
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
  static override styles = [tokenStyles, otpPromptStyles];

  /** The `waitUntil` protocol, loaded with the first action. */
  private backend: ActionController | undefined;
  /** True from a submission until its outcome is shown (covers loading the protocol too). */
  private submitting = false;
  private readonly journey = new JourneyController(this, {component: 'otp-prompt'});
  protected readonly light: LightDomController = new LightDomController(this, {render: () => this.renderForm()});
  private readonly ids = {
    title: uniqueId('serein-otp-title'),
    intro: uniqueId('serein-otp-intro'),
    code: uniqueId('serein-otp-code'),
    hint: uniqueId('serein-otp-hint'),
    auto: uniqueId('serein-otp-auto'),
    error: uniqueId('serein-otp-error'),
    remember: uniqueId('serein-otp-remember'),
    rememberHint: uniqueId('serein-otp-remember-hint'),
    alert: uniqueId('serein-otp-alert'),
    wait: uniqueId('serein-otp-wait'),
    others: uniqueId('serein-otp-others'),
    done: uniqueId('serein-otp-done'),
  };
  /** The code input's behaviour, which comes with the parts. */
  private codeField: CodeFieldController | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private resendTimer: ReturnType<typeof setInterval> | undefined;
  private resendAt = 0;
  private webOtp: AbortController | undefined;
  /** Focus the heading after the next channel change (the customer chose another way). */
  private switching = false;

  @state() private fieldError = '';
  @state() private done = false;
  @state() private copied = false;
  @state() private retryBlocked = false;
  @state() private resending = false;
  /** Seconds before a new code can be asked for. */
  @state() private resendLeft = 0;
  /** The polite status line (a new code was sent, resend is available again). */
  @state() private status = '';
  @state() private othersOpen = false;
  @state() private parts: Parts | undefined;

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
    this.restartResendWait();
    // WebOTP fills the field, so it starts once the field is there.
    void this.useParts()
      .then(() => this.updateComplete)
      .then(() => this.startWebOtp());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.retryTimer);
    clearInterval(this.resendTimer);
    this.stopWebOtp();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('channel') && !CHANNELS.includes(this.channel)) {
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
      this.backend?.clearError();
      this.restartResendWait();
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.toggleStates({busy: !!this.backend?.pending, success: this.done});
    if (changed.has('channel') && changed.get('channel') !== undefined) this.startWebOtp();
    if (this.switching && (changed.has('channel') || changed.has('destination'))) {
      this.switching = false;
      this.light.container.querySelector<HTMLElement>(`#${this.ids.title}`)?.focus();
    }
  }

  private get effectiveChannel(): SereinOtpChannel {
    return CHANNELS.includes(this.channel) ? this.channel : 'app';
  }

  private get validLength(): boolean {
    return Number.isInteger(this.length) && this.length >= 4 && this.length <= 12;
  }

  private get effectiveLength(): number {
    return this.validLength ? this.length : DEFAULT_LENGTH;
  }

  private get numeric(): boolean {
    return this.effectiveChannel !== 'backup-code';
  }

  /** A code was sent by the host (`sms`, `email`), so a new one can be asked for. */
  private get canResend(): boolean {
    return this.effectiveChannel === 'sms' || this.effectiveChannel === 'email';
  }

  private async useParts(): Promise<Parts> {
    const parts = this.parts ?? (await loadParts());
    // Their styles come with them, adopted before the first render of the form.
    this.light.addStyles(parts.otpPromptLightStyles);
    this.codeField ??= new parts.CodeFieldController(this, {
      input: () => this.codeInput,
      kind: () => (this.numeric ? 'numeric' : 'alphanumeric'),
      length: () => this.effectiveLength,
      groupSize: () => (Number.isInteger(this.groupSize) && this.groupSize >= 1 ? this.groupSize : DEFAULT_GROUP_SIZE),
      onEdit: () => this.onEdit(),
      onComplete: () => {
        if (this.autoSubmit) this.light.container.querySelector('form')?.requestSubmit();
      },
    });
    return (this.parts ??= parts);
  }

  private onEdit(): void {
    this.journey.start();
    // The customer types the code themselves: the browser's SMS prompt is no longer needed.
    this.stopWebOtp();
    if (this.fieldError) this.fieldError = '';
  }

  /** WebOTP (`sms` only, where the browser has it): the code from the text message, with consent. */
  private startWebOtp(): void {
    this.stopWebOtp();
    if (!this.isConnected || this.done || this.effectiveChannel !== 'sms' || !this.parts) return;
    const controller = new AbortController();
    this.webOtp = controller;
    this.parts.requestSmsCode(controller.signal, this.effectiveLength).then(
      (code) => {
        if (this.webOtp !== controller || controller.signal.aborted) return;
        this.webOtp = undefined;
        if (code) this.codeField?.fill(code);
      },
      () => {
        // Aborted, dismissed or unavailable: typing and pasting still work.
      },
    );
  }

  private stopWebOtp(): void {
    this.webOtp?.abort();
    this.webOtp = undefined;
  }

  private restartResendWait(): void {
    clearInterval(this.resendTimer);
    const seconds =
      Number.isFinite(this.resendAfter) && this.resendAfter >= 0 ? this.resendAfter : DEFAULT_RESEND_AFTER;
    this.waitBeforeResend(seconds, false);
  }

  /** Starts the quiet countdown; only its end is announced (and only when `announce`). */
  private waitBeforeResend(seconds: number, announce: boolean): void {
    clearInterval(this.resendTimer);
    this.resendAt = Date.now() + seconds * 1000;
    this.resendLeft = Math.ceil(seconds);
    if (seconds <= 0) return;
    this.resendTimer = setInterval(() => {
      this.resendLeft = Math.max(0, Math.ceil((this.resendAt - Date.now()) / 1000));
      if (this.resendLeft > 0) return;
      clearInterval(this.resendTimer);
      if (announce || this.canResend) {
        if (this.parts) this.status = this.parts.resendReadyText(this.view);
      }
    }, 1000);
  }

  private async ensureBackend(): Promise<ActionController> {
    if (!this.backend) {
      const {ActionController} = await import('../../internal/action-controller.js');
      this.backend ??= new ActionController(this);
    }
    return this.backend;
  }

  private readonly onSubmit = async (event: SubmitEvent) => {
    // First: whatever happens next, the browser never sends the code itself.
    event.preventDefault();
    if (this.submitting || this.retryBlocked || this.resending || this.done) return;
    this.submitting = true;
    try {
      await this.submit();
    } finally {
      this.submitting = false;
    }
  };

  private async submit(): Promise<void> {
    this.copied = false;
    this.status = '';
    this.backend?.clearError();
    // Read at submit time: an autofill may have filled the field without events.
    const code = this.codeField?.read() ?? '';
    const parts = await this.useParts();
    if (this.numeric ? code.length !== this.effectiveLength : code === '') {
      this.fieldError = parts.incompleteText(this.view);
      await this.updateComplete;
      this.codeInput?.focus();
      return;
    }
    this.fieldError = '';
    this.stopWebOtp();
    const rememberDevice =
      this.rememberDevice &&
      (this.light.container.querySelector<HTMLInputElement>(`#${this.ids.remember}`)?.checked ?? false);
    this.journey.submitted();
    const backend = await this.ensureBackend();
    const outcome = await backend.run<unknown, SereinOtpSubmitBody>('serein-otp-submit', {
      code,
      channel: this.effectiveChannel,
      rememberDevice,
    });
    if (outcome.status === 'done') {
      this.succeed(rememberDevice);
    } else if (outcome.status === 'failed') {
      this.journey.failed(outcome.error.code);
      await this.showFailure(outcome.error);
    } else if (outcome.status === 'unhandled' && this.action) {
      // Server-rendered apps: no listener, so the form posts itself.
      this.light.container.querySelector('form')?.submit();
    }
  }

  private get codeInput(): HTMLInputElement | null {
    return this.light.container.querySelector<HTMLInputElement>(`#${this.ids.code}`);
  }

  private succeed(rememberDevice: boolean): void {
    this.codeField?.clear();
    this.stopWebOtp();
    clearInterval(this.resendTimer);
    this.done = true;
    this.journey.succeeded();
    this.emit('serein-otp-verified', {channel: this.effectiveChannel, rememberDevice});
    void this.updateComplete.then(() => this.light.container.querySelector<HTMLElement>(`#${this.ids.done}`)?.focus());
  }

  private async showFailure(error: SereinError): Promise<void> {
    const {errorText} = await this.useParts();
    const onField = error.code === 'code-incorrect' || error.code === 'code-expired';
    if (CODE_REJECTIONS.has(error.code)) this.codeField?.clear();
    if (onField) {
      // The message goes under the field it is about, not in the form's alert.
      this.fieldError = [errorText(error, this.strings), error.message].filter(Boolean).join(' ');
      this.backend?.clearError();
    }
    // An expired code: a new one can be asked for at once.
    if (error.code === 'code-expired' && this.canResend) this.waitBeforeResend(0, false);
    if ((error.code === 'rate-limited' || error.code === 'too-many-attempts') && error.retryAfterSeconds) {
      this.retryBlocked = true;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => (this.retryBlocked = false), error.retryAfterSeconds * 1000);
    }
    this.startWebOtp();
    await this.updateComplete;
    if (onField) this.codeInput?.focus();
    else this.light.container.querySelector<HTMLElement>(`#${this.ids.alert}`)?.focus();
  }

  private async resend(): Promise<void> {
    if (this.resendLeft > 0 || this.resending || this.submitting || this.backend?.pending || this.done) return;
    this.copied = false;
    this.status = '';
    this.resending = true;
    try {
      const backend = await this.ensureBackend();
      this.journey.step('resend');
      const outcome = await backend.run<unknown, SereinOtpResendBody>('serein-otp-resend', {
        channel: this.effectiveChannel,
      });
      if (outcome.status === 'done') {
        this.codeField?.clear();
        this.fieldError = '';
        this.status = (await this.useParts()).resendSentText(this.view);
        this.restartResendWait();
        this.startWebOtp();
      } else if (outcome.status === 'failed') {
        if (outcome.error.retryAfterSeconds) this.waitBeforeResend(outcome.error.retryAfterSeconds, true);
        await this.updateComplete;
        this.light.container.querySelector<HTMLElement>(`#${this.ids.alert}`)?.focus();
      }
    } finally {
      this.resending = false;
    }
  }

  private switchTo(alternative: SereinOtpAlternative): void {
    this.switching = true;
    this.journey.step('switch');
    this.emit('serein-otp-switch', {
      channel: alternative.channel,
      ...(alternative.destination ? {destination: alternative.destination} : {}),
    });
  }

  private get view(): OtpPromptView {
    const channel = this.effectiveChannel;
    return {
      t: (id, localized, params) => this.t(id, localized, params),
      channel,
      destination: this.destination,
      length: this.effectiveLength,
      ids: this.ids,
      autoSubmit: this.autoSubmit,
      rememberDevice: this.rememberDevice,
      rememberDays: this.rememberDays,
      resendLeft: this.resendLeft,
      resending: this.resending,
      status: this.status,
      othersOpen: this.othersOpen,
      alternatives: this.alternatives.filter(
        (alternative) =>
          CHANNELS.includes(alternative.channel) &&
          !(alternative.channel === channel && (alternative.destination ?? '') === this.destination),
      ),
      supportHref: this.supportHref,
      supportLabel: this.supportLabel,
      toggleOthers: () => (this.othersOpen = !this.othersOpen),
      resend: () => void this.resend(),
      switchTo: (alternative) => this.switchTo(alternative),
    };
  }

  /** Everything the customer reads and types, rendered in the page's DOM once the words are here. */
  private renderForm() {
    const parts = this.parts;
    if (!parts) return nothing;
    const view = this.view;
    if (this.done) return parts.renderDone(view);
    const pending = !!this.backend?.pending;
    const blocked = pending || this.retryBlocked || this.resending;
    const error = this.backend?.error;
    const describedBy = [
      this.ids.hint,
      this.autoSubmit && this.numeric ? this.ids.auto : '',
      this.fieldError ? this.ids.error : '',
    ]
      .filter(Boolean)
      .join(' ');
    return html`
      ${parts.renderIntro(view)}
      <form
        method="post"
        action=${this.action || nothing}
        novalidate
        aria-labelledby=${this.ids.title}
        aria-describedby=${this.ids.intro}
        aria-busy=${pending ? 'true' : 'false'}
        @submit=${this.onSubmit}
      >
        <div class="serein-field">
          <label class="serein-label" for=${this.ids.code}>${parts.labelText(view)}</label>
          ${parts.renderHints(view)}
          ${this.codeField?.render({id: this.ids.code, describedBy, invalid: !!this.fieldError})}
          <p class="serein-error" id=${this.ids.error}>${this.fieldError}</p>
        </div>
        ${parts.renderRemember(view)}
        <div class="serein-alert" id=${this.ids.alert} role="alert" tabindex="-1">
          ${error ? parts.renderFormError(error, this.strings, this.copied, () => (this.copied = true)) : nothing}
        </div>
        <div class="serein-otp-prompt__actions">
          <button type="submit" class="serein-button" aria-disabled=${blocked ? 'true' : 'false'}>
            ${parts.submitText(view, pending && !this.resending)}
          </button>
        </div>
      </form>
      ${parts.renderResend(view)} ${parts.renderAlternatives(view)} ${parts.renderHelp(view)}
    `;
  }

  protected override render() {
    return html`<div part="base" class="base"><slot></slot></div>`;
  }
}
