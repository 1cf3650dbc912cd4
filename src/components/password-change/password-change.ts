import {css, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {DictionarySet} from '../../internal/zxcvbn-engine.js';
import {SereinElement} from '../../internal/core/serein-element.js';
import {hostStyles} from '../../internal/core/host-styles.js';
import {LightDomController, renderBase, uniqueId} from '../../internal/core/light-dom.js';
import {JourneyController} from '../../internal/core/journey-controller.js';
import {FormFlowController} from '../../internal/core/form-flow.js';
import {lazy, lazyView, withParts} from '../../internal/core/lazy.js';
import type {SereinError} from '../../internal/errors.js';
import {keepSelectionAcrossTypeChange} from '../../internal/password-field.js';
import {codePointLength} from '../../internal/core/code-points.js';
import type {SereinStrengthMeter} from '../strength-meter/strength-meter.js';
import type {
  SereinPasswordChangeBody,
  SereinPasswordChangeReason,
  SereinSignalDetails,
} from '../../events/password-change.js';
import type {SereinStrengthVerdict} from '../../events/strength-change.js';

/**
 * Every template and string of the form: its import starts with this module (CONTRIBUTING.md).
 * `src/define/password-change.ts` adds the strength meter, which the view draws. @internal
 */
export const passwordChangeView = withParts(lazyView(() => import('./password-change.view.js')));
/** The states the first render never shows (field errors, the error summary, the alert, waits, success). */
const laterStates = lazy(() => import('./password-change.states.js'));
type States = typeof import('./password-change.states.js');
type View = typeof import('./password-change.view.js');

const REASONS: readonly SereinPasswordChangeReason[] = [
  'user',
  'routine',
  'suspicious-activity',
  'breach',
  'compliance',
];
const DEFAULT_MIN_LENGTH = 15;
const FIELDS = ['current', 'new', 'confirm'] as const;

/** @internal */
export type PasswordField = (typeof FIELDS)[number];
/** What a field is told: a problem found before sending, or the host's error. @internal */
export type PasswordFieldError = 'current-empty' | 'new-empty' | 'too-short' | 'mismatch' | SereinError;

/**
 * The in-session password change: current password, new password with its strength meter,
 * optional confirmation, a calm banner that says why the change is asked (and that nobody will
 * ask for a password by email or phone), "Remind me next time I sign in" when the host allows it, and a
 * thank-you state. Its form, labels, inputs and errors live in the page's DOM so that password
 * managers see them; the host's backend answers `serein-password-change` through `waitUntil`.
 *
 * @tagname serein-password-change
 * @summary A reassuring password-change form that works with password managers.
 *
 * @slot success - Host content shown after a successful change (a reward, a next step, a passkey
 *   offer: `<serein-passkey-button mode="register" slot="success">`), after the thank-you words
 *   and the help link. This is the next step after the confirmation (a "Continue" link to your next page).
 *
 * @csspart base - The wrapper of the component.
 *
 * @cssprop [--serein-password-change-max-width=var(--serein-max-width, 32rem)] - The largest width of the form.
 * @cssprop [--serein-password-change-banner-background=var(--serein-color-info-surface)] - Background of the reason banner.
 *
 * @cssstate busy - The host's backend is working on the change.
 * @cssstate success - The password was changed.
 *
 * @fires {CustomEvent<SereinPasswordChangeDetail>} serein-password-change - The customer submitted a valid form; call `waitUntil` with your backend call. Carries the passwords, exactly as typed.
 * @fires {CustomEvent<{signOutOthers: boolean}>} serein-password-changed - The host confirmed the change.
 * @fires {CustomEvent<{deadline: string | null}>} serein-password-defer - The customer chose "Remind me next time I sign in".
 * @fires {CustomEvent<{component: string; score: number}>} serein-feedback - The customer answered "How easy was it to change your password?" (with `ask-feedback`).
 * @fires {CustomEvent<SereinJourneyDetail>} serein-journey - shown, started, submitted, failed, succeeded, deferred, abandoned.
 */
export class SereinPasswordChange extends SereinElement {
  /**
   * The element's own shadow styles, before its view arrives: its width, the success slot, and the space the
   * form will take (each field 5.125rem; a reason's banner between its height at 32rem wide and at a phone's).
   */
  // prettier-ignore
  static override styles = [hostStyles, css`
    :host { max-inline-size: var(--serein-password-change-max-width, var(--_max-width)); }
    slot[hidden] { display: none; }
    :host([confirm]) { --_rc: 5.125rem; }
    :host([no-current]) { --_rn: 5.125rem; }
    :host([reason]:not([reason='user'], [reason='routine'])) { --_rb: 7.95rem; }
    :host([reason='routine']) { --_rb: 7.4rem; }
    .base.loading { min-block-size: calc(22.2rem + var(--_rc, 0rem) - var(--_rn, 0rem) + var(--_rb, 0rem)); }
  `];

  /** @internal */
  readonly journey = new JourneyController(this, {component: 'password-change'});
  /** @internal */
  readonly ids = {
    title: uniqueId('serein-password-change-title'),
    current: uniqueId('serein-password-change-current'),
    new: uniqueId('serein-password-change-new'),
    confirm: uniqueId('serein-password-change-confirm'),
    signOut: uniqueId('serein-password-change-sign-out'),
    signOutHint: uniqueId('serein-password-change-sign-out-hint'),
    alert: uniqueId('serein-password-change-alert'),
    wait: uniqueId('serein-password-change-wait'),
    success: uniqueId('serein-password-change-success'),
  };
  /** @internal */
  readonly light: LightDomController<View, States> = new LightDomController(this, {
    view: passwordChangeView,
    states: laterStates,
    render: (module: View) => module.renderForm(this),
  });
  /** @internal */
  readonly flow: FormFlowController = new FormFlowController(this, {
    journey: this.journey,
    root: () => this.light.container,
    alertId: this.ids.alert,
    place: (error) => this.place(error),
  });
  protected override viewReady = () => this.light.ready();
  protected override viewStyles = () => passwordChangeView.value?.shadowStyles;

  /** @internal */
  @state() fieldErrors: Partial<Record<PasswordField, PasswordFieldError>> = {};
  /** @internal */
  @state() revealed: Partial<Record<PasswordField, boolean>> = {};
  /** @internal */
  @state() success = false;
  /** @internal */
  @state() signedOutOthers = false;
  /** @internal */
  @state() feedbackScore = 0;

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

  /**
   * Which word lists the strength meter uses: `compact` (default; at most 240 KB gzip per
   * language instead of 500–800 KB, and 98.9 % of the held-out bench passwords scored exactly as
   * with the full lists) or `full` (zxcvbn-ts's complete lists). Passed to the meter, which warns
   * once about any other value and uses `compact`.
   */
  @property() dictionary: DictionarySet = 'compact';

  /**
   * What you know about the sign-in or breach behind the request (`when` as ISO 8601, `device`,
   * `place`), as JSON in the attribute or an object in the property. Shown in the banner beside
   * "we will never ask for your password", so the customer can recognise the event. Fields that
   * are not text, too long, or (for `when`) not a date are left out with a console warning.
   */
  @property({type: Object, attribute: 'signal-details'}) signalDetails: SereinSignalDetails | null = null;

  /** Offer "Remind me next time I sign in" (`serein-password-defer`). */
  @property({type: Boolean}) deferrable = false;

  /** With `deferrable`: the date (ISO 8601) until which the change can wait; told in words. */
  @property() deadline = '';

  /** A help page; the link is always shown at the same place, under the form. */
  @property({attribute: 'support-href'}) supportHref = '';

  /** The text of the help link (default "Need help? Contact support"). */
  @property({attribute: 'support-label'}) supportLabel = '';

  /** Offer "Sign out of other devices" (checked by default after suspicious activity). */
  @property({type: Boolean, attribute: 'sign-out-others'}) signOutOthers = false;

  /** After success, ask "How easy was it to change your password?" (1–5, `serein-feedback`). */
  @property({type: Boolean, attribute: 'ask-feedback'}) askFeedback = false;

  /** Without a `waitUntil` listener, submit the form natively (method POST) to this URL. */
  @property() action = '';

  /** More words that make a password easy to guess for this customer (the name, username and brand are added). */
  @property({attribute: false}) userInputs: string[] = [];

  /** An optional breach check for the new password, passed to the strength meter. */
  @property({attribute: false}) breachCheck: ((password: string) => Promise<boolean>) | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.clearSecrets();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('reason')) {
      if (!REASONS.includes(this.reason)) {
        this.warnOnce(`reason must be one of ${REASONS.join(', ')}; using "user".`);
      }
      this.journey.reason = this.effectiveReason === 'user' ? undefined : this.effectiveReason;
    }
    if (changed.has('deadline') && this.deadline && Number.isNaN(Date.parse(this.deadline))) {
      this.warnOnce('deadline must be an ISO 8601 date; it is not shown.');
    }
    if (changed.has('minLength') && !(Number.isInteger(this.minLength) && this.minLength >= 1)) {
      this.warnOnce(`min-length must be a positive whole number; using ${DEFAULT_MIN_LENGTH}.`);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.toggleStates({busy: this.flow.pending, success: this.success});
    // The meter leaves out what the new password's error already says (its view reads aria-invalid,
    // which the error's words, a later state, may set one render after fieldErrors).
    if (changed.has('fieldErrors') || this.fieldErrors.new) this.meter?.requestUpdate();
  }

  /** @internal */
  get effectiveReason(): SereinPasswordChangeReason {
    return REASONS.includes(this.reason) ? this.reason : 'user';
  }

  /** @internal */
  get effectiveMinLength(): number {
    return Number.isInteger(this.minLength) && this.minLength >= 1 ? this.minLength : DEFAULT_MIN_LENGTH;
  }

  /** The `deadline` as a date, when it is a valid one. @internal */
  get deadlineDate(): Date | undefined {
    if (!this.deadline) return undefined;
    const time = Date.parse(this.deadline);
    return Number.isNaN(time) ? undefined : new Date(time);
  }

  private input(field: PasswordField): HTMLInputElement | null {
    return this.light.container.querySelector<HTMLInputElement>(`#${this.ids[field]}`);
  }

  private clearSecrets(): void {
    for (const field of FIELDS) {
      const input = this.input(field);
      if (input) input.value = '';
    }
    this.revealed = {};
  }

  /** Shows or hides one password, keeping focus and caret. @internal */
  toggle(field: PasswordField, input: HTMLInputElement): void {
    keepSelectionAcrossTypeChange(input, () => {
      this.revealed = {...this.revealed, [field]: !this.revealed[field]};
      return this.updateComplete;
    });
  }

  /** @internal */
  readonly onInput = (event: Event) => {
    const target = event.target as HTMLInputElement;
    this.journey.start();
    const field = FIELDS.find((name) => this.ids[name] === target.id);
    if (field && this.fieldErrors[field]) {
      const rest = {...this.fieldErrors};
      delete rest[field];
      this.fieldErrors = rest;
    }
  };

  /** @internal */
  readonly onSubmit = (event: SubmitEvent) => this.flow.guard(event, () => this.submit());

  /** The problems found before anything is sent. */
  private check(currentPassword: string, newPassword: string, confirmation: string) {
    const meter = this.light.container.querySelector<SereinStrengthMeter>('serein-strength-meter');
    const errors: Partial<Record<PasswordField, PasswordFieldError>> = {};
    if (!this.noCurrent && currentPassword === '') errors.current = 'current-empty';
    if (newPassword === '') errors.new = 'new-empty';
    else if (codePointLength(newPassword) < this.effectiveMinLength) errors.new = 'too-short';
    else if (meter?.level === 'breached') errors.new = {code: 'password-breached'};
    if (this.confirm && !errors.new && confirmation !== newPassword) errors.confirm = 'mismatch';
    return errors;
  }

  private async submit(): Promise<void> {
    this.revealed = {};
    this.flow.reset();
    // Read at submit time: a password manager may have filled the fields without events.
    const currentPassword = this.noCurrent ? '' : (this.input('current')?.value ?? '');
    const newPassword = this.input('new')?.value ?? '';
    await this.light.container.querySelector<SereinStrengthMeter>('serein-strength-meter')?.checkBreach();
    const errors = this.check(currentPassword, newPassword, this.input('confirm')?.value ?? '');
    this.fieldErrors = errors;
    const first = FIELDS.find((field) => errors[field]);
    if (first) {
      await this.updateComplete;
      // Several problems: focus on the summary that lists them (the view renders it); one: on its field.
      (this.light.container.querySelector<HTMLElement>('.serein-summary') ?? this.input(first))?.focus();
      return;
    }
    const signOutOthers =
      this.light.container.querySelector<HTMLInputElement>(`#${this.ids.signOut}`)?.checked ?? false;
    await this.flow.run<unknown, SereinPasswordChangeBody>(
      'serein-password-change',
      {currentPassword, newPassword, signOutOthers},
      {done: () => this.succeed(signOutOthers)},
    );
  }

  private get meter() {
    return this.light.container.querySelector<SereinStrengthMeter>('serein-strength-meter');
  }

  /** A refusal about a field goes under that field. */
  private place(error: SereinError): HTMLInputElement | null | undefined {
    const field: PasswordField | undefined =
      error.code === 'current-password-incorrect' && !this.noCurrent
        ? 'current'
        : ['password-breached', 'password-reused', 'password-rejected'].includes(error.code)
          ? 'new'
          : undefined;
    if (!field) return undefined;
    this.fieldErrors = {[field]: error};
    // The meter shows the host's verdict for this value: never "Strong" under a refusal.
    if (field === 'new') this.meter?.setVerdict(this.input('new')?.value ?? '', error.code as SereinStrengthVerdict);
    return this.input(field);
  }

  private succeed(signOutOthers: boolean): void {
    this.clearSecrets();
    this.signedOutOthers = signOutOthers;
    this.success = true;
    this.journey.succeeded();
    this.emit('serein-password-changed', {signOutOthers});
    void this.updateComplete.then(() =>
      this.light.container.querySelector<HTMLElement>(`#${this.ids.success}`)?.focus(),
    );
  }

  /** "Remind me next time I sign in". @internal */
  defer(): void {
    const deadline = this.deadlineDate ? this.deadline : null;
    this.journey.deferred();
    this.emit('serein-password-defer', {deadline});
  }

  /** "How easy was it to change your password?" answered. @internal */
  sendFeedback(score: number): void {
    this.feedbackScore = score;
    this.emit('serein-feedback', {component: 'password-change', score});
  }

  protected override render() {
    return renderBase(!this.light.view, [{name: 'success', hidden: !this.success}]);
  }
}
