import type {DictionarySet} from '../../internal/zxcvbn-engine.js';
import {css, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {SereinElement, type SereinEmbedding} from '../../internal/core/serein-element.js';
import {hostStyles} from '../../internal/core/host-styles.js';
import {LightDomController, renderBase, uniqueId} from '../../internal/core/light-dom.js';
import {JourneyController} from '../../internal/core/journey-controller.js';
import {FormFlowController} from '../../internal/core/form-flow.js';
import {lazy, lazyView, withParts} from '../../internal/core/lazy.js';
import type {SereinActionOutcome} from '../../internal/action-controller.js';
import type {SereinOtpChannel, SereinOtpSubmitBody, SereinOtpSwitchDetail} from '../../events/otp-prompt.js';
import type {SereinPasswordChangeBody, SereinPasswordChangedDetail} from '../../events/password-change.js';
import type {
  SereinRecoveryIdentifyBody,
  SereinRecoveryMethod,
  SereinRecoveryResetBody,
  SereinRecoverySecondFactor,
  SereinRecoverySecondFactorChannel,
  SereinRecoverySendBody,
  SereinRecoveryStep,
  SereinRecoveryVerifyBody,
} from '../../events/recovery-wizard.js';

/** The wizard's templates and strings, imported from now on; its define module adds the parts it draws. @internal */
export const recoveryWizardView = withParts(lazyView(() => import('./recovery-wizard.view.js')));
/** The second-factor step's logic, loaded when the host's answer asks for that step. */
const secondFactor = lazy(() => import('./recovery-wizard.second-factor.js'));
/** The later steps and the form's error, for the view; leaving the first step waits for them. @internal */
export const laterSteps = lazy(() => import('./recovery-wizard.states.js'));
type Steps = typeof import('./recovery-wizard.states.js');
type View = typeof import('./recovery-wizard.view.js');

const CHANNELS: readonly SereinOtpChannel[] = ['email', 'sms', 'app', 'backup-code'];
const DEFAULT_MIN_LENGTH = 15;

/** Codes that need no sending: the customer already has them. @internal */
export const needsSending = (method: SereinRecoveryMethod) => method.channel === 'email' || method.channel === 'sms';

/**
 * Account recovery in five steps: identify → choose a way to get a code → enter the code → choose
 * a new password → done; when the host's answer to the code asks for it (the account has
 * two-step verification), a sixth, "Confirm it is you", comes before the new password. It never tells whether an account exists, offers the help link at the
 * same place on every step, keeps what was entered when going back, and never signs the customer
 * in by itself. The code and new-password steps are `<serein-otp-prompt>` and
 * `<serein-password-change>`, embedded: their events are answered by this wizard's own
 * (`serein-recovery-verify`, `-send`, `-reset`), so the code and the password travel in one event
 * each. The second-factor step embeds another `<serein-otp-prompt>`, answered with
 * `serein-recovery-second-factor` (and `-second-factor-send` for a text message).
 *
 * @tagname serein-recovery-wizard
 * @summary Private, guided account recovery that is never a dead end.
 *
 * @slot success - Host content shown on the done step only, after the wizard's own content (for
 *   example an offer to create a passkey once the customer has signed in again).
 *
 * @csspart base - The wrapper of the component.
 *
 * @cssprop [--serein-recovery-wizard-max-width=var(--serein-max-width, 32rem)] - The largest width of the wizard.
 *
 * @cssstate busy - The host's backend is working.
 * @cssstate success - The password was reset.
 * @cssstate done - Deprecated alias of `success` (removed in the next minor version).
 *
 * @fires {CustomEvent<SereinRecoveryIdentifyDetail>} serein-recovery-identify - The customer said who they are; `respondWith` the ways to get a code (the same answer whether or not an account matches).
 * @fires {CustomEvent<SereinRecoverySendDetail>} serein-recovery-send - Send a code (and a link, by email) with the chosen method; call `waitUntil`.
 * @fires {CustomEvent<SereinRecoveryVerifyDetail>} serein-recovery-verify - Check the code; call `waitUntil`. The only event that carries the code. Resolve with `{secondFactor: {channels, destination?}}` (`SereinRecoveryVerifyResult`) when the account has two-step verification.
 * @fires {CustomEvent<SereinRecoverySecondFactorDetail>} serein-recovery-second-factor - Check the second step's code (`{channel, code}`); call `waitUntil`. Only after a `secondFactor` answer; the only event that carries that code.
 * @fires {CustomEvent<SereinRecoverySecondFactorSendDetail>} serein-recovery-second-factor-send - Send the second step's code by text message (`{channel: 'sms'}`); call `waitUntil`.
 * @fires {CustomEvent<SereinRecoveryResetDetail>} serein-recovery-reset - Set the new password; call `waitUntil`. The only event that carries it.
 * @fires {CustomEvent<SereinRecoveryCompleteDetail>} serein-recovery-complete - The password was reset; the customer is not signed in.
 * @fires {CustomEvent} serein-recovery-sign-in - The customer chose "Continue to sign in" (without `sign-in-href`).
 * @fires {CustomEvent<SereinJourneyDetail>} serein-journey - shown, started, step (`method`, `code`, `second-factor` when asked, `password`, `done`), submitted, failed (with the step), succeeded, abandoned.
 */
export class SereinRecoveryWizard extends SereinElement {
  /**
   * The element's own shadow styles, before its view arrives: its width, and the space the first step will
   * take (between its height at 32rem wide and at a phone's width, a line taller), so that nothing below moves.
   */
  // prettier-ignore
  static override styles = [hostStyles, css`
    :host { max-inline-size: var(--serein-recovery-wizard-max-width, var(--_max-width)); }
    .base.loading { min-block-size: 17.6rem; }
  `];

  /** @internal */ readonly journey = new JourneyController(this, {component: 'recovery-wizard'});
  /** @internal */
  readonly ids = {
    identifier: uniqueId('serein-recovery-wizard-identifier'),
    identifierError: uniqueId('serein-recovery-wizard-identifier-error'),
    identify: uniqueId('serein-recovery-wizard-identify'),
    method: uniqueId('serein-recovery-wizard-method'),
    success: uniqueId('serein-recovery-wizard-success'),
    alert: uniqueId('serein-recovery-wizard-alert'),
    wait: uniqueId('serein-recovery-wizard-wait'),
  };
  /** @internal */
  readonly light: LightDomController<View, Steps> = new LightDomController(this, {
    view: recoveryWizardView,
    states: laterSteps,
    render: (module: View) => module.renderSteps(this),
  });
  /** @internal */
  readonly flow: FormFlowController = new FormFlowController(this, {
    journey: this.journey,
    root: () => this.light.container,
    alertId: this.ids.alert,
  });
  protected override viewReady = () => this.light.ready();
  protected override viewStyles = () => recoveryWizardView.value?.shadowStyles;
  /** What the embedded prompt and form ask for: answered with this wizard's own events. @internal */
  readonly embedding: SereinEmbedding = {act: (type, detail) => this.actFor(type, detail)};
  /** The same for the second-factor step's prompt. @internal */
  readonly secondEmbedding: SereinEmbedding = {act: (type, detail) => this.actForSecond(type, detail)};
  /** @internal */ identified = '';

  /** @internal */ @state() step: SereinRecoveryStep = 'identify';
  /** @internal */ @state() methods: SereinRecoveryMethod[] = [];
  /** The method chosen on the method step. @internal */ @state() chosen = '';
  /** The method the code step is for (its code was sent, or needs no sending). @internal */
  @state() codeMethod: SereinRecoveryMethod | undefined;
  /** The second step the host asked for in its answer to the code; none without it. @internal */
  @state() secondFactor: SereinRecoverySecondFactor | undefined;
  /** The channel the second-factor step is on. @internal */
  @state() secondChannel: SereinRecoverySecondFactorChannel | undefined;
  /** @internal */ @state() identifierEmpty = false;
  /** @internal */ @state() signedOutOthers = false;

  /** A help page; its link is at the same place, last, on every step. */
  @property({attribute: 'support-href'}) supportHref = '';

  /** The text of the help link (default "Need help? Contact support"). */
  @property({attribute: 'support-label'}) supportLabel = '';

  /** Where "Continue to sign in" leads on the last step; without it, the button emits `serein-recovery-sign-in`. */
  @property({attribute: 'sign-in-href'}) signInHref = '';

  /** Your product's name: the code step says the email comes from it and never asks for a password. */
  @property() brand = '';

  /** The shortest acceptable new password, in code points (NIST SP 800-63B-4: 15). */
  @property({type: Number, attribute: 'min-length'}) minLength = DEFAULT_MIN_LENGTH;

  /**
   * The strength meter's word lists: `compact` (default; at most 240 KB gzip per language, 98.9 % of the
   * held-out bench passwords scored as with the full lists) or `full` (zxcvbn-ts's). Passed to the meter (any other: `compact`).
   */
  @property() dictionary: DictionarySet = 'compact';

  /** Seconds before a new code can be asked for on the code step. */
  @property({type: Number, attribute: 'resend-after'}) resendAfter = 30;

  /** An optional breach check for the new password, passed to the strength meter. */
  @property({attribute: false}) breachCheck: ((password: string) => Promise<boolean>) | undefined;

  protected override updated(changed: PropertyValues): void {
    const success = this.step === 'done';
    // `done` is the former name of the `success` state, kept for one minor version.
    this.toggleStates({busy: this.flow.pending, success, done: success});
    if (changed.has('step') && changed.get('step') !== undefined) void this.focusHeading();
  }

  /** The step currently shown. */
  get currentStep(): SereinRecoveryStep {
    return this.step;
  }

  /** @internal */
  get method(): SereinRecoveryMethod | undefined {
    return this.methods.find((method) => method.id === this.chosen);
  }

  private container(selector: string): HTMLElement | null {
    return this.light.container.querySelector<HTMLElement>(selector);
  }

  /** Moves focus to the heading of the step shown, once it (and an embedded part's) has rendered. */
  private async focusHeading(): Promise<void> {
    const step = this.step;
    await this.updateComplete;
    const section = this.container(`[data-step="${step}"]`);
    const embedded = section?.querySelector<SereinElement>('serein-otp-prompt, serein-password-change');
    if (embedded) await embedded.updateComplete;
    if (this.step === step) section?.querySelector<HTMLElement>('h2')?.focus();
  }

  private go(step: SereinRecoveryStep): void {
    this.flow.reset();
    this.step = step;
    if (step !== 'identify') this.journey.step(step);
  }

  /** "Back". @internal */
  back(): void {
    if (this.flow.pending) return;
    if (this.step === 'method') this.go('identify');
    else if (this.step === 'code') this.go('method');
  }

  /** @internal */
  readonly onIdentify = (event: SubmitEvent) => this.flow.guard(event, () => this.identify());

  private async identify(): Promise<void> {
    const input = this.container(`#${this.ids.identifier}`) as HTMLInputElement | null;
    const identifier = (input?.value ?? '').trim();
    this.identifierEmpty = !identifier;
    if (!identifier) {
      await this.updateComplete;
      input?.focus();
      return;
    }
    const next = laterSteps.load().catch(() => undefined); // The next step's module, while the host answers.
    await this.flow.run<unknown, SereinRecoveryIdentifyBody>(
      'serein-recovery-identify',
      {identifier},
      {step: 'identify', done: (value) => next.then(() => this.identifiedAs(identifier, this.validMethods(value)))},
    );
  }

  private identifiedAs(identifier: string, methods: SereinRecoveryMethod[]): void {
    if (identifier !== this.identified || JSON.stringify(methods) !== JSON.stringify(this.methods)) {
      // Someone else, or other ways: the later steps start afresh.
      this.identified = identifier;
      this.methods = methods;
      this.chosen = methods[0]?.id ?? '';
      this.codeMethod = undefined;
      this.secondFactor = undefined;
      this.secondChannel = undefined;
    }
    this.go('method');
  }

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

  /** @internal */
  readonly onInput = () => {
    this.journey.start();
    this.identifierEmpty = false;
  };

  /** @internal */
  readonly onChoose = (event: Event) => {
    this.chosen = (event.target as HTMLInputElement).value;
  };

  /** @internal */
  readonly onMethod = (event: SubmitEvent) => this.flow.guard(event, () => this.useMethod());

  private async useMethod(): Promise<void> {
    const method = this.method;
    if (!method) return;
    // Back and forth with the same method: its code is on its way already; nothing is re-sent.
    if (this.codeMethod?.id === method.id) return this.go('code');
    if (await this.send(method, 'method')) {
      this.codeMethod = method;
      this.go('code');
    }
  }

  /** Sends a code with `method` when it needs sending; true when the customer can go on. */
  private async send(method: SereinRecoveryMethod, step: SereinRecoveryStep): Promise<boolean> {
    if (!needsSending(method)) return true;
    const actions = await this.flow.ensureActions();
    this.flow.copied = false;
    const outcome = await actions.run<unknown, SereinRecoverySendBody>('serein-recovery-send', {method});
    if (outcome.status === 'failed') {
      this.journey.failed(outcome.error.code, step);
      await this.flow.fail(outcome.error);
    }
    return outcome.status === 'done';
  }

  /** The wizard's own event for an action of the embedded prompt or form. */
  private async ownAction(type: string, detail: object): Promise<SereinActionOutcome<unknown>> {
    const actions = await this.flow.ensureActions();
    const method = this.codeMethod;
    if (type === 'serein-otp-submit' && method) {
      const code = (detail as SereinOtpSubmitBody).code;
      const outcome = await actions.run<unknown, SereinRecoveryVerifyBody>('serein-recovery-verify', {method, code});
      if (outcome.status === 'done') {
        this.secondFactor = (await secondFactor.load()).readSecondFactor(this, outcome.value);
        this.secondChannel = this.secondFactor?.channels[0];
      }
      return outcome;
    }
    if (type === 'serein-otp-resend' && method) {
      return actions.run<unknown, SereinRecoverySendBody>('serein-recovery-send', {method});
    }
    if (type === 'serein-password-change') {
      // A recovery always signs out every device (no box to untick): see the password step.
      const {newPassword} = detail as SereinPasswordChangeBody;
      return actions.run<unknown, SereinRecoveryResetBody>('serein-recovery-reset', {newPassword, signOutOthers: true});
    }
    return {status: 'busy'};
  }

  /** Answers the embedded prompt's and form's actions with the wizard's own events. */
  private actFor(type: string, detail: object): Promise<unknown> {
    return this.settle(this.ownAction(type, detail));
  }

  /** Answers the second-factor prompt's actions with the wizard's own events. */
  private actForSecond(type: string, detail: object): Promise<unknown> {
    return this.settle(secondFactor.load().then((module) => module.secondAction(this, type, detail)));
  }

  /** Hands an outcome to the embedded part that asked: its value, or the error it shows. */
  private async settle(pending: Promise<SereinActionOutcome<unknown>>): Promise<unknown> {
    const outcome = await pending;
    if (outcome.status === 'done') return outcome.value;
    // The embedded part shows the message where it belongs (under the code, the password…).
    this.flow.actions?.clearError();
    if (outcome.status === 'failed') {
      this.journey.failed(outcome.error.code, this.step);
      throw outcome.error;
    }
    throw {code: 'unknown'};
  }

  /** @internal */
  readonly onSwitch = async (event: CustomEvent<SereinOtpSwitchDetail>) => {
    event.stopPropagation();
    const wanted = this.methods.find(
      (method) =>
        method.channel === event.detail.channel && (method.destination ?? '') === (event.detail.destination ?? ''),
    );
    if (!wanted || this.flow.pending) return;
    if (await this.send(wanted, 'code')) {
      this.chosen = wanted.id;
      this.codeMethod = wanted;
    }
  };

  /** @internal */
  readonly onVerified = (event: Event) => {
    event.stopPropagation();
    const channel = this.secondChannel;
    if (!this.secondFactor) return this.go('password');
    this.go('second-factor');
    if (channel) void secondFactor.load().then((module) => module.sendSecond(this, channel));
  };

  /** "Try another way" on the second-factor step (or "Use a backup code"). @internal */
  readonly onSecondSwitch = async (event: CustomEvent<SereinOtpSwitchDetail>) => {
    event.stopPropagation();
    await this.switchSecond(event.detail.channel as SereinRecoverySecondFactorChannel);
  };

  /** Moves the second-factor step to `channel`, once its code is on its way (text message). @internal */
  async switchSecond(channel: SereinRecoverySecondFactorChannel): Promise<void> {
    if (!this.secondFactor?.channels.includes(channel) || this.flow.pending) return;
    if (await (await secondFactor.load()).sendSecond(this, channel)) this.secondChannel = channel;
  }

  /** "Use a backup code" on the second-factor step: the prompt switches, focus goes to its heading. @internal */
  async useBackupCode(): Promise<void> {
    await this.switchSecond('backup-code');
    await this.updateComplete;
    const prompt = this.container('[data-step="second-factor"] serein-otp-prompt') as SereinElement | null;
    await prompt?.updateComplete;
    prompt?.querySelector<HTMLElement>('h2')?.focus();
  }

  /** The second step was confirmed. @internal */
  readonly onSecondVerified = (event: Event) => {
    event.stopPropagation();
    this.go('password');
  };

  /** @internal */
  readonly onReset = (event: CustomEvent<SereinPasswordChangedDetail>) => {
    event.stopPropagation();
    this.signedOutOthers = true;
    this.go('done');
    this.journey.succeeded('done');
    this.emit('serein-recovery-complete', {signOutOthers: true});
  };

  /** "Continue to sign in" without `sign-in-href`. @internal */
  signIn(): void {
    this.emit('serein-recovery-sign-in', {});
  }

  protected override render() {
    return renderBase(!this.light.view, [{name: 'success', hidden: this.step !== 'done'}]);
  }
}
