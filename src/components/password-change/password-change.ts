import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {msg, str} from '@lit/localize';
import {SereinElement, toggleStates} from '../../internal/serein-element.js';
import {tokenStyles} from '../../internal/tokens.js';
import {LightDomController, uniqueId} from '../../internal/light-dom.js';
import {JourneyController} from '../../internal/journey-controller.js';
import type {ActionController} from '../../internal/action-controller.js';
import type {SereinError} from '../../internal/errors.js';
import {keepSelectionAcrossTypeChange, renderPasswordField} from '../../internal/password-field.js';
import {codePointLength, formatNumber} from '../../internal/format.js';
import {renderHelpLink} from '../../internal/help-link.js';
import {safeUrl} from '../../internal/safe-url.js';
import type {SereinStrengthMeter} from '../strength-meter/strength-meter.js';
import {passwordChangeLightStyles, passwordChangeStyles} from './password-change.styles.js';
import type {SereinPasswordChangeBody} from '../../events/password-change.js';
import type {PasswordChangeView} from './password-change.extras.js';

type Extras = typeof import('./password-change.extras.js');
let extrasModule: Promise<Extras> | undefined;
/** The banner, error and thank-you parts, loaded by the first element that needs them. */
const loadExtras = () => (extrasModule ??= import('./password-change.extras.js'));

/** Why the customer is asked to change the password. */
export type SereinPasswordChangeReason = 'user' | 'routine' | 'suspicious-activity' | 'breach' | 'compliance';

const REASONS: readonly SereinPasswordChangeReason[] = [
  'user',
  'routine',
  'suspicious-activity',
  'breach',
  'compliance',
];
const DEFAULT_MIN_LENGTH = 15;

type Field = 'current' | 'new' | 'confirm';

/**
 * The in-session password change: current password, new password with its strength meter,
 * optional confirmation, a calm banner that says why the change is asked (and that nobody will
 * ask for a password by email or phone), "Remind me later" when the host allows it, and a
 * thank-you state. Its form, labels, inputs and errors live in the page's DOM so that password
 * managers see them; the host's backend answers `serein-password-change` through `waitUntil`.
 *
 * @tagname serein-password-change
 * @summary A reassuring password-change form that works with password managers.
 *
 * @slot success - Host content shown after a successful change (a reward, a next step).
 *
 * @csspart base - The wrapper of the component.
 *
 * @cssprop [--serein-password-change-max-width=32rem] - The largest width of the form.
 * @cssprop [--serein-password-change-banner-background=light-dark(#ddf4ff, #0c2d6b)] - Background of the reason banner.
 * @cssprop [--serein-color-accent] - Buttons and links (global token).
 * @cssprop [--serein-color-danger] - Errors (global token).
 * @cssprop [--serein-color-border] - Input borders (global token).
 * @cssprop [--serein-radius] - Corner radius (global token).
 *
 * @cssstate busy - The host's backend is working on the change.
 * @cssstate success - The password was changed.
 *
 * @fires {CustomEvent<SereinPasswordChangeDetail>} serein-password-change - The customer submitted a valid form; call `waitUntil` with your backend call. Carries the passwords, exactly as typed.
 * @fires {CustomEvent<{signOutOthers: boolean}>} serein-password-changed - The host confirmed the change.
 * @fires {CustomEvent<{deadline: string | null}>} serein-password-defer - The customer chose "Remind me later".
 * @fires {CustomEvent<{component: string; score: number}>} serein-feedback - The customer answered "How easy was this?" (with `ask-feedback`).
 * @fires {CustomEvent<SereinJourneyDetail>} serein-journey - shown, started, submitted, failed, succeeded, deferred, abandoned.
 */
export class SereinPasswordChange extends SereinElement {
  static override styles = [tokenStyles, passwordChangeStyles];

  private readonly internals = this.attachInternals();
  /** The `waitUntil` protocol, loaded with the first submission. */
  private backend: ActionController | undefined;
  /** True from a submission until its outcome is shown (covers loading the protocol too). */
  private submitting = false;
  private readonly journey = new JourneyController(this, {component: 'password-change'});
  protected readonly light = new LightDomController(this, passwordChangeLightStyles, () => this.renderForm());
  private readonly ids = {
    title: uniqueId('serein-pc-title'),
    current: uniqueId('serein-pc-current'),
    new: uniqueId('serein-pc-new'),
    confirm: uniqueId('serein-pc-confirm'),
    signOut: uniqueId('serein-pc-sign-out'),
    signOutHint: uniqueId('serein-pc-sign-out-hint'),
    alert: uniqueId('serein-pc-alert'),
    done: uniqueId('serein-pc-done'),
  };
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  @state() private fieldErrors: Partial<Record<Field, string>> = {};
  @state() private revealed: Partial<Record<Field, boolean>> = {};
  @state() private done = false;
  @state() private signedOutOthers = false;
  @state() private copied = false;
  @state() private retryBlocked = false;
  @state() private feedbackScore = 0;
  @state() private extras: Extras | undefined;

  /** Why the change is asked: `user` (default, no banner), `routine`, `suspicious-activity`, `breach`, `compliance`. */
  @property({reflect: true}) reason: SereinPasswordChangeReason = 'user';

  /** The account's identifier, put in a hidden `autocomplete="username"` field for password managers. */
  @property() username = '';

  /** The customer's name, to greet them in the banner. */
  @property({attribute: 'customer-name'}) customerName = '';

  /** Your product's name, used in the title and the reassurance line. */
  @property() brand = '';

  /** Omit the current-password field (the host re-authenticated the customer just before). */
  @property({type: Boolean, attribute: 'no-current'}) noCurrent = false;

  /** Ask for the new password twice. */
  @property({type: Boolean}) confirm = false;

  /** The shortest acceptable new password, in code points (NIST SP 800-63B-4: 15). */
  @property({type: Number, attribute: 'min-length'}) minLength = DEFAULT_MIN_LENGTH;

  /** Offer "Remind me later" (`serein-password-defer`). */
  @property({type: Boolean}) deferrable = false;

  /** With `deferrable`: the date (ISO 8601) until which the change can wait; told in words. */
  @property() deadline = '';

  /** A help page; the link is always shown at the same place, under the form. */
  @property({attribute: 'support-href'}) supportHref = '';

  /** The text of the help link (default "Need help? Contact support"). */
  @property({attribute: 'support-label'}) supportLabel = '';

  /** Offer "Sign out of other devices" (checked by default after suspicious activity). */
  @property({type: Boolean, attribute: 'sign-out-others'}) signOutOthers = false;

  /** After success, ask "How easy was this?" (1–5, `serein-feedback`). */
  @property({type: Boolean, attribute: 'ask-feedback'}) askFeedback = false;

  /** Without a `waitUntil` listener, submit the form natively (method POST) to this URL. */
  @property() action = '';

  /** More words that make a password easy to guess for this customer (the name, username and brand are added). */
  @property({attribute: false}) userInputs: string[] = [];

  /** An optional breach check for the new password, passed to the strength meter. */
  @property({attribute: false}) breachCheck: ((password: string) => Promise<boolean>) | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.retryTimer);
    this.clearSecrets();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('reason')) {
      if (!REASONS.includes(this.reason)) {
        this.warnOnce(`reason must be one of ${REASONS.join(', ')}; using "user".`);
      }
      this.journey.reason = this.effectiveReason === 'user' ? undefined : this.effectiveReason;
      if (this.effectiveReason !== 'user') void this.useExtras();
    }
    if (changed.has('deadline') && this.deadline && Number.isNaN(Date.parse(this.deadline))) {
      this.warnOnce('deadline must be an ISO 8601 date; it is not shown.');
    }
    if (changed.has('minLength') && !(Number.isInteger(this.minLength) && this.minLength >= 1)) {
      this.warnOnce(`min-length must be a positive whole number; using ${DEFAULT_MIN_LENGTH}.`);
    }
  }

  protected override updated(): void {
    toggleStates(this.internals, {busy: !!this.backend?.pending, success: this.done});
  }

  private get effectiveReason(): SereinPasswordChangeReason {
    return REASONS.includes(this.reason) ? this.reason : 'user';
  }

  private get effectiveMinLength(): number {
    return Number.isInteger(this.minLength) && this.minLength >= 1 ? this.minLength : DEFAULT_MIN_LENGTH;
  }

  private async useExtras(): Promise<Extras> {
    return (this.extras ??= await loadExtras());
  }

  private get view(): PasswordChangeView {
    return {
      t: (id, localized, params) => this.t(id, localized, params),
      reason: this.effectiveReason,
      customerName: this.customerName,
      brand: this.brand,
      deferrable: this.deferrable,
      deadline: this.deadlineDate,
      doneId: this.ids.done,
      signedOutOthers: this.signedOutOthers,
      askFeedback: this.askFeedback,
      feedbackScore: this.feedbackScore,
      sendFeedback: (score) => this.sendFeedback(score),
    };
  }

  private input(field: Field): HTMLInputElement | null {
    return this.light.container.querySelector<HTMLInputElement>(`#${this.ids[field]}`);
  }

  private clearSecrets(): void {
    for (const field of ['current', 'new', 'confirm'] as const) {
      const input = this.input(field);
      if (input) input.value = '';
    }
    this.revealed = {};
  }

  private toggle(field: Field, input: HTMLInputElement): void {
    keepSelectionAcrossTypeChange(input, () => {
      this.revealed = {...this.revealed, [field]: !this.revealed[field]};
      return this.updateComplete;
    });
  }

  private readonly onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    this.journey.start();
    const field = (['current', 'new', 'confirm'] as const).find((name) => this.ids[name] === target.id);
    if (field && this.fieldErrors[field]) {
      const rest = {...this.fieldErrors};
      delete rest[field];
      this.fieldErrors = rest;
    }
  };

  private readonly onSubmit = async (event: SubmitEvent) => {
    // First: whatever happens next, the browser never sends the passwords itself.
    event.preventDefault();
    if (this.submitting || this.retryBlocked) return;
    this.submitting = true;
    try {
      await this.submit();
    } finally {
      this.submitting = false;
    }
  };

  private async submit(): Promise<void> {
    this.revealed = {};
    this.copied = false;
    this.backend?.clearError();
    // Read at submit time: a password manager may have filled the fields without events.
    const currentPassword = this.noCurrent ? '' : (this.input('current')?.value ?? '');
    const newPassword = this.input('new')?.value ?? '';
    const confirmation = this.input('confirm')?.value ?? '';
    const meter = this.light.container.querySelector<SereinStrengthMeter>('serein-strength-meter');
    await meter?.checkBreach();
    const errors: Partial<Record<Field, string>> = {};
    if (!this.noCurrent && currentPassword === '') {
      errors.current = this.t(
        'password-change.error.current-empty',
        msg('Enter your current password.', {id: 'password-change.error.current-empty'}),
      );
    }
    const min = formatNumber(this.effectiveMinLength);
    if (codePointLength(newPassword) < this.effectiveMinLength) {
      errors.new = this.t(
        'password-change.error.too-short',
        msg(str`Use at least ${min} characters for your new password.`, {id: 'password-change.error.too-short'}),
        {min},
      );
    } else if (meter?.level === 'breached') {
      errors.new = (await this.useExtras()).errorText({code: 'password-breached'}, this.strings);
    }
    if (this.confirm && !errors.new && confirmation !== newPassword) {
      errors.confirm = this.t(
        'password-change.error.mismatch',
        msg('The two new passwords are different. Type the same password in both fields.', {
          id: 'password-change.error.mismatch',
        }),
      );
    }
    this.fieldErrors = errors;
    if (Object.keys(errors).length) {
      await this.updateComplete;
      this.input((['current', 'new', 'confirm'] as const).find((field) => errors[field])!)?.focus();
      return;
    }
    const signOutOthers =
      this.light.container.querySelector<HTMLInputElement>(`#${this.ids.signOut}`)?.checked ?? false;
    this.journey.submitted();
    if (!this.backend) {
      const {ActionController} = await import('../../internal/action-controller.js');
      this.backend ??= new ActionController(this);
    }
    const outcome = await this.backend.run<unknown, SereinPasswordChangeBody>('serein-password-change', {
      currentPassword,
      newPassword,
      signOutOthers,
    });
    if (outcome.status === 'done') {
      await this.useExtras();
      this.succeed(signOutOthers);
    } else if (outcome.status === 'failed') {
      this.journey.failed(outcome.error.code);
      await this.showFailure(outcome.error);
    } else if (outcome.status === 'unhandled' && safeUrl(this.action, {attribute: 'action', element: this})) {
      // Server-rendered apps: no listener, so the form posts itself.
      this.light.container.querySelector('form')?.submit();
    }
  }

  private succeed(signOutOthers: boolean): void {
    this.clearSecrets();
    this.signedOutOthers = signOutOthers;
    this.done = true;
    this.journey.succeeded();
    this.dispatchEvent(
      new CustomEvent('serein-password-changed', {bubbles: true, composed: true, detail: {signOutOthers}}),
    );
    void this.updateComplete.then(() => this.light.container.querySelector<HTMLElement>(`#${this.ids.done}`)?.focus());
  }

  private async showFailure(error: SereinError): Promise<void> {
    const {errorText} = await this.useExtras();
    const field: Field | undefined =
      error.code === 'current-password-incorrect' && !this.noCurrent
        ? 'current'
        : error.code === 'password-breached' || error.code === 'password-reused' || error.code === 'password-rejected'
          ? 'new'
          : undefined;
    if (field) {
      // A field error replaces the form-level message.
      const text = [errorText(error, this.strings), error.message].filter(Boolean).join(' ');
      this.backend?.clearError();
      this.fieldErrors = {[field]: text};
    }
    if (error.code === 'rate-limited' && error.retryAfterSeconds) {
      this.retryBlocked = true;
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => (this.retryBlocked = false), error.retryAfterSeconds * 1000);
    }
    await this.updateComplete;
    if (field) this.input(field)?.focus();
    else this.light.container.querySelector<HTMLElement>(`#${this.ids.alert}`)?.focus();
  }

  private defer(): void {
    const deadline = this.deadlineDate ? this.deadline : null;
    this.journey.deferred();
    this.dispatchEvent(new CustomEvent('serein-password-defer', {bubbles: true, composed: true, detail: {deadline}}));
  }

  private sendFeedback(score: number): void {
    this.feedbackScore = score;
    this.dispatchEvent(
      new CustomEvent('serein-feedback', {
        bubbles: true,
        composed: true,
        detail: {component: 'password-change', score},
      }),
    );
  }

  private get deadlineDate(): Date | undefined {
    if (!this.deadline) return undefined;
    const time = Date.parse(this.deadline);
    return Number.isNaN(time) ? undefined : new Date(time);
  }

  private get heading(): string {
    const brand = this.brand;
    return brand
      ? this.t(
          'password-change.title-brand',
          msg(str`Change your ${brand} password`, {id: 'password-change.title-brand'}),
          {brand},
        )
      : this.t('password-change.title', msg('Change your password', {id: 'password-change.title'}));
  }

  private renderField(field: Field) {
    const revealed = !!this.revealed[field];
    const show = this.t('password-change.show', msg('Show', {id: 'password-change.show'}));
    // One name per toggle, whose state is aria-pressed (a name that flips to "Hide" while
    // pressed would be announced as "Hide …, pressed").
    const labels: Record<Field, {label: string; show: string}> = {
      current: {
        label: this.t('password-change.current', msg('Current password', {id: 'password-change.current'})),
        show: this.t(
          'password-change.show-current',
          msg('Show current password', {id: 'password-change.show-current'}),
        ),
      },
      new: {
        label: this.t('password-change.new', msg('New password', {id: 'password-change.new'})),
        show: this.t('password-change.show-new', msg('Show new password', {id: 'password-change.show-new'})),
      },
      confirm: {
        label: this.t('password-change.confirm', msg('Type the new password again', {id: 'password-change.confirm'})),
        show: this.t(
          'password-change.show-confirm',
          msg('Show the repeated password', {id: 'password-change.show-confirm'}),
        ),
      },
    };
    const userInputs = [this.username, ...this.customerName.split(/\s+/), this.brand, ...this.userInputs].filter(
      Boolean,
    );
    return renderPasswordField({
      id: this.ids[field],
      name: field === 'current' ? 'current-password' : field === 'new' ? 'new-password' : 'confirm-password',
      autocomplete: field === 'current' ? 'current-password' : 'new-password',
      label: labels[field].label,
      error: this.fieldErrors[field] ?? '',
      revealed,
      toggleText: show,
      toggleLabel: labels[field].show,
      onToggle: (input) => this.toggle(field, input),
      after:
        field === 'new'
          ? html`<serein-strength-meter
              for=${this.ids.new}
              min-length=${this.effectiveMinLength}
              .userInputs=${userInputs}
              .breachCheck=${this.breachCheck}
              .strings=${this.strings}
            ></serein-strength-meter>`
          : undefined,
    });
  }

  private renderHelp() {
    return renderHelpLink(
      safeUrl(this.supportHref, {attribute: 'support-href', element: this}),
      () =>
        this.supportLabel ||
        this.t('password-change.help', msg('Need help? Contact support', {id: 'password-change.help'})),
    );
  }

  /** Everything the customer reads and types, rendered in the page's DOM. */
  private renderForm() {
    const extras = this.extras;
    if (this.done && extras) return html`${extras.renderSuccess(this.view)}${this.renderHelp()}`;
    const pending = !!this.backend?.pending;
    const blocked = pending || this.retryBlocked;
    const suspicious = this.effectiveReason === 'suspicious-activity';
    return html`
      <h2 id=${this.ids.title} tabindex="-1">${this.heading}</h2>
      ${extras ? extras.renderBanner(this.view) : nothing}
      <form
        method="post"
        action=${safeUrl(this.action, {attribute: 'action', element: this}) || nothing}
        novalidate
        aria-labelledby=${this.ids.title}
        aria-busy=${pending ? 'true' : 'false'}
        @submit=${this.onSubmit}
        @input=${this.onInput}
      >
        <input
          class="serein-visually-hidden"
          type="text"
          name="username"
          autocomplete="username"
          .value=${this.username}
          readonly
          tabindex="-1"
          aria-hidden="true"
        />
        ${this.noCurrent ? nothing : this.renderField('current')} ${this.renderField('new')}
        ${this.confirm ? this.renderField('confirm') : nothing}
        ${
          this.signOutOthers
            ? html`<div class="serein-check">
                <input
                  type="checkbox"
                  id=${this.ids.signOut}
                  name="sign-out-others"
                  value="true"
                  ?checked=${suspicious}
                  aria-describedby=${this.ids.signOutHint}
                />
                <div>
                  <label for=${this.ids.signOut}
                    >${this.t('password-change.sign-out-others', msg('Sign out of other devices', {id: 'password-change.sign-out-others'}))}</label
                  >
                  <p class="serein-hint" id=${this.ids.signOutHint}>
                    ${
                      suspicious
                        ? this.t(
                            'password-change.sign-out-recommended',
                            msg(
                              'Recommended after a sign-in that may not have been you. This device stays signed in.',
                              {id: 'password-change.sign-out-recommended'},
                            ),
                          )
                        : this.t(
                            'password-change.sign-out-hint',
                            msg('This device stays signed in.', {id: 'password-change.sign-out-hint'}),
                          )
                    }
                  </p>
                </div>
              </div>`
            : nothing
        }
        <div class="serein-alert" id=${this.ids.alert} role="alert" tabindex="-1">
          ${extras && this.backend?.error ? extras.renderFormError(this.backend.error, this.strings, this.copied, () => (this.copied = true)) : nothing}
        </div>
        <div class="serein-password-change__actions">
          <button type="submit" class="serein-button" aria-disabled=${blocked ? 'true' : 'false'}>
            ${
              pending
                ? this.t(
                    'password-change.submitting',
                    msg('Changing your password…', {id: 'password-change.submitting'}),
                  )
                : this.t('password-change.submit', msg('Change password', {id: 'password-change.submit'}))
            }
          </button>
          ${
            this.deferrable
              ? html`<button
                  type="button"
                  class="serein-button serein-button--quiet"
                  ?disabled=${pending}
                  @click=${() => this.defer()}
                >
                  ${this.t('password-change.defer', msg('Remind me later', {id: 'password-change.defer'}))}
                </button>`
              : nothing
          }
        </div>
      </form>
      ${this.renderHelp()}
    `;
  }

  protected override render() {
    return html`<div part="base" class="base">
      <slot></slot>
      <slot name="success" ?hidden=${!this.done}></slot>
    </div>`;
  }
}
