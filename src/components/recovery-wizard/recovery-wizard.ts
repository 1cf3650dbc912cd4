import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {msg, str} from '@lit/localize';
import {SereinElement, type SereinEmbedding} from '../../internal/core/serein-element.js';
import {tokenStyles} from '../../internal/core/tokens.js';
import {LightDomController, uniqueId} from '../../internal/core/light-dom.js';
import {JourneyController} from '../../internal/core/journey-controller.js';
import {ActionController} from '../../internal/action-controller.js';
import {renderFormError} from '../../internal/error-view.js';
import {formatNumber} from '../../internal/core/format.js';
import {renderHelpLink} from '../../internal/core/help-link.js';
import type {SereinStrings} from '../../internal/core/strings.js';
import type {SereinOtpChannel, SereinOtpSubmitBody, SereinOtpSwitchDetail} from '../../events/otp-prompt.js';
import type {SereinPasswordChangeBody, SereinPasswordChangedDetail} from '../../events/password-change.js';
import type {
  SereinRecoveryIdentifyBody,
  SereinRecoveryMethod,
  SereinRecoveryResetBody,
  SereinRecoveryStep,
  SereinRecoverySendBody,
  SereinRecoveryVerifyBody,
} from '../../events/recovery-wizard.js';
import {recoveryWizardLightStyles, recoveryWizardStyles} from './recovery-wizard.styles.js';


const NUMBERED: readonly SereinRecoveryStep[] = ['identify', 'method', 'code', 'password'];
const CHANNELS: readonly SereinOtpChannel[] = ['email', 'sms', 'app', 'backup-code'];
const DEFAULT_MIN_LENGTH = 15;

/** Codes that need no sending: the customer already has them. */
const needsSending = (method: SereinRecoveryMethod) => method.channel === 'email' || method.channel === 'sms';

/**
 * Account recovery in five steps: identify → choose a way to get a code → enter the code → choose
 * a new password → done. It never tells whether an account exists, offers the help link at the
 * same place on every step, keeps what was entered when going back, and never signs the customer
 * in by itself. The code and new-password steps are `<serein-otp-prompt>` and
 * `<serein-password-change>`, embedded: their events are answered by this wizard's own
 * (`serein-recovery-verify`, `-send`, `-reset`), so the code and the password travel in one event
 * each.
 *
 * @tagname serein-recovery-wizard
 * @summary Private, guided account recovery that is never a dead end.
 *
 * @csspart base - The wrapper of the component.
 *
 * @cssprop [--serein-recovery-wizard-max-width=32rem] - The largest width of the wizard.
 * @cssprop [--serein-color-accent] - Buttons and links (global token).
 * @cssprop [--serein-color-danger] - Errors (global token).
 * @cssprop [--serein-radius] - Corner radius (global token).
 *
 * @cssstate busy - The host's backend is working.
 * @cssstate done - The password was reset.
 *
 * @fires {CustomEvent<SereinRecoveryIdentifyDetail>} serein-recovery-identify - The customer said who they are; `respondWith` the ways to get a code (the same answer whether or not an account matches).
 * @fires {CustomEvent<SereinRecoverySendDetail>} serein-recovery-send - Send a code (and a link, by email) with the chosen method; call `waitUntil`.
 * @fires {CustomEvent<SereinRecoveryVerifyDetail>} serein-recovery-verify - Check the code; call `waitUntil`. The only event that carries the code.
 * @fires {CustomEvent<SereinRecoveryResetDetail>} serein-recovery-reset - Set the new password; call `waitUntil`. The only event that carries it.
 * @fires {CustomEvent<SereinRecoveryCompleteDetail>} serein-recovery-complete - The password was reset; the customer is not signed in.
 * @fires {CustomEvent} serein-recovery-sign-in - The customer chose "Continue to sign in" (without `sign-in-href`).
 * @fires {CustomEvent<SereinJourneyDetail>} serein-journey - shown, started, step (`method`, `code`, `password`, `done`), submitted, failed (with the step), succeeded, abandoned.
 */
export class SereinRecoveryWizard extends SereinElement {
  static override styles = [tokenStyles, recoveryWizardStyles];

  private readonly backend = new ActionController(this);
  private readonly journey = new JourneyController(this, {component: 'recovery-wizard'});
  protected readonly light: LightDomController = new LightDomController(this, {
    styles: recoveryWizardLightStyles,
    render: () => this.renderSteps(),
  });
  private readonly ids = {
    identifier: uniqueId('serein-rw-identifier'),
    identifierError: uniqueId('serein-rw-identifier-error'),
    identify: uniqueId('serein-rw-identify'),
    method: uniqueId('serein-rw-method'),
    done: uniqueId('serein-rw-done'),
    alert: uniqueId('serein-rw-alert'),
  };
  /** What the embedded prompt and form ask for: answered with this wizard's own events. */
  private readonly embedding: SereinEmbedding = {act: (type, detail) => this.actFor(type, detail)};
  private identified = '';

  @state() private step: SereinRecoveryStep = 'identify';
  @state() private methods: SereinRecoveryMethod[] = [];
  /** The method chosen on the method step. */
  @state() private chosen = '';
  /** The method the code step is for (its code was sent, or needs no sending). */
  @state() private codeMethod: SereinRecoveryMethod | undefined;
  @state() private identifierError = '';
  @state() private copied = false;
  @state() private signedOutOthers = false;

  /** A help page; its link is at the same place, last, on every step. */
  @property({attribute: 'support-href'}) supportHref = '';

  /** The text of the help link (default "Need help? Contact support"). */
  @property({attribute: 'support-label'}) supportLabel = '';

  /** Where "Continue to sign in" leads on the last step; without it, the button emits `serein-recovery-sign-in`. */
  @property({attribute: 'sign-in-href'}) signInHref = '';

  /** The shortest acceptable new password, in code points (NIST SP 800-63B-4: 15). */
  @property({type: Number, attribute: 'min-length'}) minLength = DEFAULT_MIN_LENGTH;

  /** Seconds before a new code can be asked for on the code step. */
  @property({type: Number, attribute: 'resend-after'}) resendAfter = 30;

  /** An optional breach check for the new password, passed to the strength meter. */
  @property({attribute: false}) breachCheck: ((password: string) => Promise<boolean>) | undefined;

  protected override updated(changed: PropertyValues): void {
    this.toggleStates({busy: this.backend.pending, done: this.step === 'done'});
    if (changed.has('step') && changed.get('step') !== undefined) void this.focusHeading();
  }

  /** The step currently shown. */
  get currentStep(): SereinRecoveryStep {
    return this.step;
  }

  private get method(): SereinRecoveryMethod | undefined {
    return this.methods.find((method) => method.id === this.chosen);
  }

  private container(selector: string): HTMLElement | null {
    return this.light.container.querySelector<HTMLElement>(selector);
  }

  /** Moves focus to the heading of the step shown (the embedded parts render theirs a moment later). */
  private async focusHeading(): Promise<void> {
    const step = this.step;
    for (let frame = 0; frame < 120 && this.step === step; frame++) {
      const section = this.container(`[data-step="${step}"]`);
      const heading = section?.querySelector<HTMLElement>('h2');
      if (heading) {
        heading.focus();
        return;
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  }

  private go(step: SereinRecoveryStep): void {
    this.backend.clearError();
    this.copied = false;
    this.step = step;
    if (step !== 'identify') this.journey.step(step);
  }

  private back(): void {
    if (this.backend.pending) return;
    if (this.step === 'method') this.go('identify');
    else if (this.step === 'code') this.go('method');
  }

  private async failed(step: SereinRecoveryStep, code: string): Promise<void> {
    this.journey.failed(code, step);
    await this.updateComplete;
    this.container(`#${this.ids.alert}`)?.focus();
  }

  private readonly onIdentify = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.backend.pending) return;
    const input = this.container(`#${this.ids.identifier}`) as HTMLInputElement | null;
    const identifier = (input?.value ?? '').trim();
    if (!identifier) {
      this.identifierError = this.t(
        'recovery-wizard.error.identifier-empty',
        msg('Enter the email address or username of your account.', {id: 'recovery-wizard.error.identifier-empty'}),
      );
      await this.updateComplete;
      input?.focus();
      return;
    }
    this.identifierError = '';
    this.copied = false;
    this.journey.submitted();
    const outcome = await this.backend.run<unknown, SereinRecoveryIdentifyBody>('serein-recovery-identify', {
      identifier,
    });
    if (outcome.status === 'failed') return this.failed('identify', outcome.error.code);
    if (outcome.status !== 'done') return;
    const methods = this.validMethods(outcome.value);
    if (identifier !== this.identified || JSON.stringify(methods) !== JSON.stringify(this.methods)) {
      // Someone else, or other ways: the later steps start afresh.
      this.identified = identifier;
      this.methods = methods;
      this.chosen = methods[0]?.id ?? '';
      this.codeMethod = undefined;
    }
    this.go('method');
  };

  private validMethods(value: unknown): SereinRecoveryMethod[] {
    if (!Array.isArray(value)) {
      this.warnOnce('serein-recovery-identify must be answered with an array of {id, channel, destination}.');
      return [];
    }
    return value.filter((item): item is SereinRecoveryMethod => {
      const ok =
        typeof item === 'object' &&
        item !== null &&
        typeof (item as SereinRecoveryMethod).id === 'string' &&
        CHANNELS.includes((item as SereinRecoveryMethod).channel);
      if (!ok) this.warnOnce(`a method was ignored: each needs an id and a channel among ${CHANNELS.join(', ')}.`);
      return ok;
    });
  }

  private readonly onChoose = (event: Event) => {
    this.chosen = (event.target as HTMLInputElement).value;
  };

  private readonly onMethod = async (event: SubmitEvent) => {
    event.preventDefault();
    const method = this.method;
    if (!method || this.backend.pending) return;
    // Back and forth with the same method: its code is on its way already; nothing is re-sent.
    if (this.codeMethod?.id === method.id) return this.go('code');
    if (await this.send(method, 'method')) {
      this.codeMethod = method;
      this.go('code');
    }
  };

  /** Sends a code with `method` when it needs sending; true when the customer can go on. */
  private async send(method: SereinRecoveryMethod, step: SereinRecoveryStep): Promise<boolean> {
    if (!needsSending(method)) return true;
    this.copied = false;
    const outcome = await this.backend.run<unknown, SereinRecoverySendBody>('serein-recovery-send', {method});
    if (outcome.status === 'failed') await this.failed(step, outcome.error.code);
    return outcome.status === 'done';
  }

  /** Answers the embedded prompt's and form's actions with the wizard's own events. */
  private async actFor(type: string, detail: object): Promise<unknown> {
    const method = this.codeMethod;
    const outcome =
      type === 'serein-otp-submit' && method
        ? await this.backend.run<unknown, SereinRecoveryVerifyBody>('serein-recovery-verify', {
            method,
            code: (detail as SereinOtpSubmitBody).code,
          })
        : type === 'serein-otp-resend' && method
          ? await this.backend.run<unknown, SereinRecoverySendBody>('serein-recovery-send', {method})
          : type === 'serein-password-change'
            ? await this.backend.run<unknown, SereinRecoveryResetBody>('serein-recovery-reset', {
                newPassword: (detail as SereinPasswordChangeBody).newPassword,
                signOutOthers: (detail as SereinPasswordChangeBody).signOutOthers,
              })
            : ({status: 'busy'} as const);
    if (outcome.status === 'done') return outcome.value;
    // The embedded part shows the message where it belongs (under the code, the password…).
    this.backend.clearError();
    if (outcome.status === 'failed') {
      this.journey.failed(outcome.error.code, this.step);
      throw outcome.error;
    }
    throw {code: 'unknown'};
  }

  private readonly onSwitch = async (event: CustomEvent<SereinOtpSwitchDetail>) => {
    event.stopPropagation();
    const wanted = this.methods.find(
      (method) =>
        method.channel === event.detail.channel && (method.destination ?? '') === (event.detail.destination ?? ''),
    );
    if (!wanted || this.backend.pending) return;
    if (await this.send(wanted, 'code')) {
      this.chosen = wanted.id;
      this.codeMethod = wanted;
    }
  };

  private readonly onVerified = (event: Event) => {
    event.stopPropagation();
    this.go('password');
  };

  private readonly onReset = (event: CustomEvent<SereinPasswordChangedDetail>) => {
    event.stopPropagation();
    this.signedOutOthers = event.detail.signOutOthers;
    this.go('done');
    this.journey.succeeded('done');
    this.emit('serein-recovery-complete', {signOutOthers: event.detail.signOutOthers});
  };

  private signIn(): void {
    this.emit('serein-recovery-sign-in', {});
  }

  private methodLabel(method: SereinRecoveryMethod): string {
    const destination = method.destination ?? '';
    switch (method.channel) {
      case 'email':
        return destination
          ? this.t(
              'recovery-wizard.method.email-to',
              msg(str`Email to ${destination}`, {id: 'recovery-wizard.method.email-to'}),
              {destination},
            )
          : this.t('recovery-wizard.method.email', msg('Email', {id: 'recovery-wizard.method.email'}));
      case 'sms':
        return destination
          ? this.t(
              'recovery-wizard.method.sms-to',
              msg(str`Text message to ${destination}`, {id: 'recovery-wizard.method.sms-to'}),
              {destination},
            )
          : this.t('recovery-wizard.method.sms', msg('Text message', {id: 'recovery-wizard.method.sms'}));
      case 'app':
        return this.t(
          'recovery-wizard.method.app',
          msg('The app that gives you sign-in codes', {id: 'recovery-wizard.method.app'}),
        );
      default:
        return this.t(
          'recovery-wizard.method.backup-code',
          msg('One of your backup codes', {id: 'recovery-wizard.method.backup-code'}),
        );
    }
  }

  private methodHint(method: SereinRecoveryMethod): string {
    switch (method.channel) {
      case 'email':
        return this.t(
          'recovery-wizard.method.email-hint',
          msg('We send a code and a link. Either one works.', {id: 'recovery-wizard.method.email-hint'}),
        );
      case 'sms':
        return this.t(
          'recovery-wizard.method.sms-hint',
          msg('We send a code by text message.', {id: 'recovery-wizard.method.sms-hint'}),
        );
      case 'app':
        return this.t(
          'recovery-wizard.method.app-hint',
          msg('Use the code the app shows at that moment.', {id: 'recovery-wizard.method.app-hint'}),
        );
      default:
        return this.t(
          'recovery-wizard.method.backup-code-hint',
          msg('Each backup code works once.', {id: 'recovery-wizard.method.backup-code-hint'}),
        );
    }
  }

  /** The embedded prompt's words where recovery needs other ones: it never says an account exists. */
  private get otpStrings(): SereinStrings {
    const destination = this.codeMethod?.destination ?? '';
    return {
      ...this.strings,
      'otp-prompt.where.email-to': this.t(
        'recovery-wizard.code.email-to',
        msg(
          str`If ${destination} belongs to an account, we have sent an email with a code and a link to that address. Type the code here or open the link: either one works. It can take a few minutes to arrive; look in your spam folder too.`,
          {id: 'recovery-wizard.code.email-to'},
        ),
        {destination},
      ),
      'otp-prompt.where.sms-to': this.t(
        'recovery-wizard.code.sms-to',
        msg(
          str`If ${destination} belongs to an account, we have sent a code to that number by text message. It can take a minute to arrive.`,
          {id: 'recovery-wizard.code.sms-to'},
        ),
        {destination},
      ),
      'otp-prompt.why': this.t(
        'recovery-wizard.code.why',
        msg('The code confirms that this account is yours, so that you can choose a new password.', {
          id: 'recovery-wizard.code.why',
        }),
      ),
    };
  }

  /** The embedded form's words where recovery needs other ones. */
  private get passwordStrings(): SereinStrings {
    return {
      ...this.strings,
      'password-change.title': this.t(
        'recovery-wizard.password.title',
        msg('Choose a new password', {id: 'recovery-wizard.password.title'}),
      ),
      'password-change.sign-out-others': this.t(
        'recovery-wizard.password.sign-out',
        msg('Sign out everywhere', {id: 'recovery-wizard.password.sign-out'}),
      ),
      'password-change.sign-out-hint': this.t(
        'recovery-wizard.password.sign-out-hint',
        msg(
          'Recommended if someone else may know your old password: every device signed in to your account will be signed out.',
          {
            id: 'recovery-wizard.password.sign-out-hint',
          },
        ),
      ),
      'password-change.submit': this.t(
        'recovery-wizard.password.submit',
        msg('Save the new password', {id: 'recovery-wizard.password.submit'}),
      ),
      'password-change.submitting': this.t(
        'recovery-wizard.password.submitting',
        msg('Saving your new password…', {id: 'recovery-wizard.password.submitting'}),
      ),
    };
  }

  private renderProgress() {
    const index = NUMBERED.indexOf(this.step);
    if (index < 0) return nothing;
    const current = formatNumber(index + 1);
    const total = formatNumber(NUMBERED.length);
    return html`<p class="serein-recovery-wizard__progress">
      ${this.t('recovery-wizard.progress', msg(str`Step ${current} of ${total}`, {id: 'recovery-wizard.progress'}), {
        current,
        total,
      })}
    </p>`;
  }

  private renderBack() {
    if (this.step !== 'method' && this.step !== 'code') return nothing;
    return html`<button
      type="button"
      class="serein-button serein-button--quiet serein-recovery-wizard__back"
      aria-disabled=${this.backend.pending ? 'true' : 'false'}
      @click=${() => this.back()}
    >
      ${this.t('recovery-wizard.back', msg('Back', {id: 'recovery-wizard.back'}))}
    </button>`;
  }

  private renderIdentify() {
    const pending = this.backend.pending && this.step === 'identify';
    return html`<h2 tabindex="-1" id=${this.ids.identify}>
        ${this.t('recovery-wizard.identify.title', msg('Get back into your account', {id: 'recovery-wizard.identify.title'}))}
      </h2>
      <p>
        ${this.t(
          'recovery-wizard.identify.intro',
          msg(
            'Enter the email address or username of your account. If what you enter matches an account, we will help you choose a new password with a code.',
            {id: 'recovery-wizard.identify.intro'},
          ),
        )}
      </p>
      <form
        novalidate
        aria-labelledby=${this.ids.identify}
        aria-busy=${pending ? 'true' : 'false'}
        @submit=${this.onIdentify}
      >
        <div class="serein-field">
          <label class="serein-label" for=${this.ids.identifier}>
            ${this.t('recovery-wizard.identify.label', msg('Email address or username', {id: 'recovery-wizard.identify.label'}))}
          </label>
          <input
            class="serein-input"
            id=${this.ids.identifier}
            name="username"
            type="text"
            inputmode="email"
            autocomplete="username"
            spellcheck="false"
            autocapitalize="none"
            aria-invalid=${this.identifierError ? 'true' : nothing}
            aria-describedby=${this.identifierError ? this.ids.identifierError : nothing}
            @input=${() => {
              this.journey.start();
              this.identifierError = '';
            }}
          />
          <p class="serein-error" id=${this.ids.identifierError}>${this.identifierError}</p>
        </div>
        <div class="serein-recovery-wizard__actions">
          <button type="submit" class="serein-button" aria-disabled=${pending ? 'true' : 'false'}>
            ${
              pending
                ? this.t(
                    'recovery-wizard.identify.checking',
                    msg('Checking…', {id: 'recovery-wizard.identify.checking'}),
                  )
                : this.t('recovery-wizard.continue', msg('Continue', {id: 'recovery-wizard.continue'}))
            }
          </button>
        </div>
      </form>`;
  }

  private renderMethod() {
    const identifier = this.identified;
    const pending = this.backend.pending && this.step === 'method';
    const chosen = this.method;
    const intro = this.t(
      'recovery-wizard.method.intro',
      msg(str`If ${identifier} matches an account, you can get a code to choose a new password.`, {
        id: 'recovery-wizard.method.intro',
      }),
      {identifier},
    );
    const heading = html`<h2 tabindex="-1" id=${this.ids.method}>
      ${this.t('recovery-wizard.method.title', msg('How would you like to get a code?', {id: 'recovery-wizard.method.title'}))}
    </h2>`;
    if (!this.methods.length) {
      return html`${heading}
        <p>${intro}</p>
        <p>
          ${this.t(
            'recovery-wizard.method.none',
            msg('We cannot offer a way to get a code here. Our support team can help you get back in.', {
              id: 'recovery-wizard.method.none',
            }),
          )}
        </p>`;
    }
    return html`${heading}
      <p>${intro}</p>
      <form
        novalidate
        aria-labelledby=${this.ids.method}
        aria-busy=${pending ? 'true' : 'false'}
        @submit=${this.onMethod}
      >
        <fieldset class="serein-recovery-wizard__methods">
          <legend class="serein-visually-hidden">
            ${this.t('recovery-wizard.method.legend', msg('Ways to get a code', {id: 'recovery-wizard.method.legend'}))}
          </legend>
          ${this.methods.map((method, index) => {
            const id = `${this.ids.method}-${index}`;
            return html`<div class="serein-check">
              <input
                type="radio"
                id=${id}
                name="method"
                .value=${method.id}
                .checked=${method.id === this.chosen}
                aria-describedby=${`${id}-hint`}
                @change=${this.onChoose}
              />
              <div>
                <label for=${id}>${this.methodLabel(method)}</label>
                <p class="serein-hint" id=${`${id}-hint`}>${this.methodHint(method)}</p>
              </div>
            </div>`;
          })}
        </fieldset>
        <div class="serein-recovery-wizard__actions">
          <button type="submit" class="serein-button" aria-disabled=${pending ? 'true' : 'false'}>
            ${
              pending
                ? this.t(
                    'recovery-wizard.method.sending',
                    msg('Sending the code…', {id: 'recovery-wizard.method.sending'}),
                  )
                : chosen && needsSending(chosen) && this.codeMethod?.id !== chosen.id
                  ? this.t('recovery-wizard.method.send', msg('Send the code', {id: 'recovery-wizard.method.send'}))
                  : this.t('recovery-wizard.continue', msg('Continue', {id: 'recovery-wizard.continue'}))
            }
          </button>
        </div>
      </form>`;
  }

  private renderCode() {
    const method = this.codeMethod;
    if (!method) return nothing;
    const alternatives = this.methods
      .filter((other) => other.id !== method.id)
      .map(({channel, destination}) => ({channel, ...(destination ? {destination} : {})}));
    return html`<serein-otp-prompt
      .sereinEmbedding=${this.embedding}
      .strings=${this.otpStrings}
      .alternatives=${alternatives}
      channel=${method.channel}
      destination=${method.destination ?? ''}
      resend-after=${this.resendAfter}
      @serein-otp-verified=${this.onVerified}
      @serein-otp-switch=${this.onSwitch}
    ></serein-otp-prompt>`;
  }

  private renderPassword() {
    if (this.step !== 'password' && this.step !== 'done') return nothing;
    return html`<serein-password-change
      .sereinEmbedding=${this.embedding}
      .strings=${this.passwordStrings}
      .breachCheck=${this.breachCheck}
      username=${this.identified}
      min-length=${this.minLength}
      no-current
      sign-out-others
      @serein-password-changed=${this.onReset}
    ></serein-password-change>`;
  }

  private renderDone() {
    return html`<h2 tabindex="-1" id=${this.ids.done}>
        ${this.t('recovery-wizard.done.title', msg('Your password has been changed', {id: 'recovery-wizard.done.title'}))}
      </h2>
      <p>
        ${this.t(
          'recovery-wizard.done.text',
          msg('You can now sign in with your new password. For your safety, you are not signed in automatically.', {
            id: 'recovery-wizard.done.text',
          }),
        )}
      </p>
      ${
        this.signedOutOthers
          ? html`<p>
              ${this.t(
                'recovery-wizard.done.signed-out',
                msg('Every device that was signed in to your account has been signed out.', {
                  id: 'recovery-wizard.done.signed-out',
                }),
              )}
            </p>`
          : nothing
      }
      <div class="serein-recovery-wizard__actions">
        ${
          this.signInHref
            ? html`<a class="serein-link serein-recovery-wizard__sign-in" href=${this.signInHref}
                >${this.t('recovery-wizard.done.sign-in', msg('Continue to sign in', {id: 'recovery-wizard.done.sign-in'}))}</a
              >`
            : html`<button type="button" class="serein-button" @click=${() => this.signIn()}>
                ${this.t('recovery-wizard.done.sign-in', msg('Continue to sign in', {id: 'recovery-wizard.done.sign-in'}))}
              </button>`
        }
      </div>`;
  }

  /** Every step stays in the page once reached (hidden when not shown), so going back loses nothing. */
  private renderSteps() {
    const step = this.step;
    const section = (name: SereinRecoveryStep, content: unknown) =>
      html`<div class="serein-recovery-wizard__step" data-step=${name} ?hidden=${step !== name}>${content}</div>`;
    const error = this.backend.error;
    return html`
      ${this.renderBack()} ${this.renderProgress()} ${section('identify', this.renderIdentify())}
      ${section('method', this.identified ? this.renderMethod() : nothing)} ${section('code', this.renderCode())}
      ${section('password', this.renderPassword())} ${section('done', step === 'done' ? this.renderDone() : nothing)}
      <div class="serein-alert" id=${this.ids.alert} role="alert" tabindex="-1">
        ${error ? renderFormError(error, this.strings, this.copied, () => (this.copied = true)) : nothing}
      </div>
      ${renderHelpLink(
        this.supportHref,
        () =>
          this.supportLabel ||
          this.t('recovery-wizard.help', msg('Need help? Contact support', {id: 'recovery-wizard.help'})),
      )}
    `;
  }

  protected override render() {
    return html`<div part="base" class="base"><slot></slot></div>`;
  }
}
