import {html, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {msg, str} from '@lit/localize';
import {SereinElement} from '../../internal/core/serein-element.js';
import {tokenStyles} from '../../internal/core/tokens.js';
import {LightDomController, uniqueId} from '../../internal/core/light-dom.js';
import {JourneyController} from '../../internal/core/journey-controller.js';
import {codePointLength, formatNumber} from '../../internal/core/format.js';
import {getActiveLocale, onActiveLocaleChange, type SereinLocale} from '../../internal/locale.js';
import type {EstimateResult} from '../../internal/zxcvbn-engine.js';
import type {SereinStrengthChangeDetail, SereinStrengthLevel} from '../../events/strength-change.js';
import {meterLightStyles, meterStyles} from './strength-meter.styles.js';
import {BreachChecks, watchCommit} from '../../internal/breach-check.js';

/** NIST SP 800-63B-4 §3.1.1.2: 15 characters for a password used on its own. */
const DEFAULT_MIN_LENGTH = 15;
/** The level is announced once typing has paused this long, never per keystroke. */
const ANNOUNCE_AFTER_MS = 1000;
/** The longest a committed password waits for the breach check's answer. */
const BREACH_WAIT_MS = 5000;

const SCORE_OF_LEVEL: Record<SereinStrengthLevel, SereinStrengthChangeDetail['score']> = {
  empty: 0,
  'too-short': 0,
  checking: 0,
  breached: 0,
  weak: 1,
  fair: 2,
  good: 3,
  strong: 4,
};

const LEVEL_OF_SCORE: readonly SereinStrengthLevel[] = ['weak', 'weak', 'fair', 'good', 'strong'];

const kebab = (key: string) => key.replace(/[A-Z]+/g, (part) => `-${part.toLowerCase()}`).replace(/^-/, '');

type BreachState = 'none' | 'clean' | 'breached' | 'unavailable';

/**
 * What the meter needs only once an estimate or a breach verdict exists: loaded with the
 * estimator, so the eager module stays small.
 */
const loadAdvice = async () => {
  const [feedback, errors] = await Promise.all([
    import('./feedback-messages.js'),
    import('../../internal/error-messages.js'),
  ]);
  return {warningText: feedback.warningText, suggestionText: feedback.suggestionText, errorText: errors.errorText};
};
type Advice = Awaited<ReturnType<typeof loadAdvice>>;

/**
 * Shows how hard a password is to guess: a four-segment bar and a word (Too short, Weak, Fair,
 * Good, Strong), with zxcvbn-ts's warning and suggestions in the active language. It never
 * disagrees with the policy: a password shorter than `min-length`, or reported breached, is never
 * shown as better than "Too short" or "Found in a data breach". The meter is advice: it blocks
 * nothing.
 *
 * Its text lives in the page's DOM, next to the input it describes, so the input's
 * `aria-describedby` can point at it. Dictionaries load on the first focus or input, and the
 * estimate runs in a worker (or, where workers are unavailable, on a bounded prefix), so typing
 * never stalls.
 *
 * @tagname serein-strength-meter
 * @summary A password strength meter that agrees with the password policy.
 *
 * @csspart base - The wrapper of the bar and the text.
 * @csspart track - The bar.
 * @csspart segment - Each of the four segments of the bar.
 * @csspart segment-filled - A segment that is filled at the current level.
 *
 * @cssprop [--serein-strength-meter-track-color=light-dark(#eaeef2, #21262d)] - Colour of an unfilled segment.
 * @cssprop [--serein-strength-meter-height=0.375rem] - Height of the bar.
 * @cssprop [--serein-color-text] - Text colour (global token).
 * @cssprop [--serein-color-muted] - Colour of the suggestions (global token).
 * @cssprop [--serein-color-border] - Outline of unfilled segments (global token).
 * @cssprop [--serein-color-danger] - Bar colour at "Weak" (global token).
 * @cssprop [--serein-color-warning] - Bar colour at "Fair" (global token).
 * @cssprop [--serein-color-accent] - Bar colour at "Good" (global token).
 * @cssprop [--serein-color-success] - Bar colour at "Strong" (global token).
 * @cssprop [--serein-font] - Font family (global token).
 * @cssprop [--serein-space] - Base spacing (global token).
 *
 * @cssstate empty - Nothing entered yet.
 * @cssstate too-short - Shorter than `min-length`.
 * @cssstate checking - The dictionaries are still loading.
 * @cssstate weak - Easy to guess.
 * @cssstate fair - Somewhat hard to guess.
 * @cssstate good - Hard to guess.
 * @cssstate strong - Very hard to guess.
 * @cssstate breached - Reported by `breachCheck` as found in a data breach.
 *
 * @fires {CustomEvent<SereinStrengthChangeDetail>} serein-strength-change - The level, warning or suggestions changed. Never carries the password.
 * @fires {CustomEvent<SereinJourneyDetail>} serein-journey - `shown` when first on screen, `started` on the first input.
 */
export class SereinStrengthMeter extends SereinElement {
  static override styles = [tokenStyles, meterStyles];

  private readonly journey = new JourneyController(this, {component: 'strength-meter', trackAbandon: false});
  protected readonly light = new LightDomController(this, {styles: meterLightStyles, render: () => this.renderText()});
  private readonly ids = {meter: uniqueId('serein-strength-meter'), feedback: uniqueId('serein-strength-feedback')};

  private input: HTMLInputElement | null = null;
  private waitForInput: MutationObserver | undefined;
  private watchDescribedBy: MutationObserver | undefined;
  private stopLocale: (() => void) | undefined;
  private estimating = false;
  private estimateAgain = false;
  private dictionariesRequested = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly breaches = new BreachChecks();
  private stopWatchingCommit: (() => void) | undefined;
  private lastDetail = '';

  /** The password being judged: the attached input's value, or the `password` property. */
  @state() private value = '';
  /** The estimate and the password it was made for. */
  @state() private estimate: {for: string; locale: SereinLocale; result: EstimateResult} | undefined;
  @state() private breach: {for: string; state: BreachState} | undefined;
  @state() private announcement = '';
  @state() private advice: Advice | undefined;

  /** The `id` of an `<input>` in the same root (document or shadow root) to judge as it is typed in. */
  @property({attribute: 'for'}) htmlFor = '';

  /**
   * The password to judge, when no `for` input is attached. A property only: it is never
   * reflected to an attribute.
   */
  @property({attribute: false}) password = '';

  /**
   * The shortest acceptable password, in Unicode code points (an emoji counts once). NIST SP
   * 800-63B-4 asks for 15 when the password is used on its own; 8 is allowed only as part of
   * multi-factor authentication.
   */
  @property({type: Number, attribute: 'min-length'}) minLength = DEFAULT_MIN_LENGTH;

  /**
   * Words that make a password easy to guess for this customer (name, email, the site's name).
   * As an attribute, a comma-separated list.
   */
  @property({
    attribute: 'user-inputs',
    converter: {
      fromAttribute: (value: string | null) =>
        (value ?? '')
          .split(',')
          .map((part) => part.trim())
          .filter(Boolean),
    },
  })
  userInputs: string[] = [];

  /**
   * An optional breach check, off by default: resolves `true` when the password is known from a
   * data breach (see `pwnedPasswordsCheck()`). Called once per password the customer commits to
   * (the input loses focus, its form is submitted, or {@link checkBreach}), never while typing and
   * never below `min-length`; a rejection is treated as "could not check" and blocks nothing.
   */
  @property({attribute: false}) breachCheck: ((password: string) => Promise<boolean>) | undefined;

  /** The level shown now. */
  get level(): SereinStrengthLevel {
    if (this.value === '') return 'empty';
    if (this.breach?.for === this.value && this.breach.state === 'breached') return 'breached';
    if (codePointLength(this.value) < this.effectiveMinLength) return 'too-short';
    if (!this.estimate) return 'checking';
    return LEVEL_OF_SCORE[this.estimate.result.score];
  }

  /** 0 (empty, too short or breached) to 4 (strong). */
  get score(): SereinStrengthChangeDetail['score'] {
    return SCORE_OF_LEVEL[this.level];
  }

  /** True when the password meets `min-length` and was not reported breached. */
  get acceptable(): boolean {
    const level = this.level;
    return level !== 'empty' && level !== 'too-short' && level !== 'breached';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.attach();
    this.stopLocale = onActiveLocaleChange(() => {
      // The last announcement was in the previous language; it is not repeated in the new one.
      this.announcement = '';
      if (this.dictionariesRequested) this.requestEstimate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.detach();
    this.stopLocale?.();
    clearTimeout(this.announceTimer);
    this.breaches.clear();
    // Nothing secret stays behind in a removed element.
    this.password = '';
    this.value = '';
    this.estimate = undefined;
    this.breach = undefined;
    this.announcement = '';
    this.lastDetail = '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor') && this.isConnected && changed.get('htmlFor') !== undefined) {
      this.detach();
      this.attach();
    }
    if (changed.has('minLength') && !(Number.isInteger(this.minLength) && this.minLength >= 1)) {
      this.warnOnce(`min-length must be a positive whole number; using ${DEFAULT_MIN_LENGTH}.`);
    }
    if (changed.has('password') && !this.input) this.takeValue(this.password);
    if (changed.has('userInputs') && changed.get('userInputs') !== undefined && this.value) this.requestEstimate();
  }

  protected override updated(): void {
    const level = this.level;
    this.toggleStates(Object.fromEntries(Object.keys(SCORE_OF_LEVEL).map((state) => [state, state === level])));
    const detail: SereinStrengthChangeDetail = {
      score: this.score,
      level,
      acceptable: this.acceptable,
      warning: this.warning,
      suggestions: this.suggestions,
    };
    const serialized = JSON.stringify(detail);
    if (serialized !== this.lastDetail) {
      const first = this.lastDetail === '';
      this.lastDetail = serialized;
      if (!first || level !== 'empty') {
        this.emit('serein-strength-change', detail);
      }
    }
  }

  private get effectiveMinLength(): number {
    return Number.isInteger(this.minLength) && this.minLength >= 1 ? this.minLength : DEFAULT_MIN_LENGTH;
  }

  private attach(): void {
    if (!this.htmlFor) return;
    const root = this.getRootNode() as Document | ShadowRoot;
    const found = root.getElementById?.(this.htmlFor);
    if (!(found instanceof HTMLInputElement)) {
      // The input may be rendered after the meter: wait for it.
      this.waitForInput ??= new MutationObserver(() => {
        if (root.getElementById?.(this.htmlFor) instanceof HTMLInputElement) {
          this.waitForInput?.disconnect();
          this.waitForInput = undefined;
          this.attach();
        }
      });
      this.waitForInput.observe(root, {childList: true, subtree: true});
      return;
    }
    this.input = found;
    found.addEventListener('input', this.onInput);
    found.addEventListener('change', this.onInput);
    found.addEventListener('focus', this.onFocus);
    this.stopWatchingCommit = watchCommit(found, () => void this.checkBreach());
    this.describeInput();
    // A framework re-rendering the input may rewrite aria-describedby: put our ids back.
    this.watchDescribedBy = new MutationObserver(() => this.describeInput());
    this.watchDescribedBy.observe(found, {attributes: true, attributeFilter: ['aria-describedby']});
    if (found.value) this.takeValue(found.value);
  }

  /** Adds the meter's text to the input's description, keeping the page's own ids first. */
  private describeInput(): void {
    const input = this.input;
    if (!input) return;
    const described = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
    const missing = [this.ids.meter, this.ids.feedback].filter((id) => !described.includes(id));
    if (missing.length) input.setAttribute('aria-describedby', [...described, ...missing].join(' '));
  }

  private detach(): void {
    this.waitForInput?.disconnect();
    this.waitForInput = undefined;
    this.watchDescribedBy?.disconnect();
    this.watchDescribedBy = undefined;
    const input = this.input;
    if (!input) return;
    this.input = null;
    input.removeEventListener('input', this.onInput);
    input.removeEventListener('change', this.onInput);
    input.removeEventListener('focus', this.onFocus);
    this.stopWatchingCommit?.();
    const ours = new Set([this.ids.meter, this.ids.feedback]);
    const rest = (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id && !ours.has(id));
    if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
    else input.removeAttribute('aria-describedby');
  }

  private readonly onFocus = () => this.loadDictionaries();

  private readonly onInput = () => {
    // Read from the input itself: a password manager may have filled it silently.
    if (this.input) this.takeValue(this.input.value);
  };

  private takeValue(value: string): void {
    if (value === this.value) return;
    this.value = value;
    if (value === '') {
      this.announcement = '';
      clearTimeout(this.announceTimer);
      return;
    }
    this.journey.start();
    this.loadDictionaries();
    this.requestEstimate();
    this.scheduleAnnouncement();
    const known = this.breaches.known(value);
    if (known) this.breach = {for: value, state: known};
  }

  private loadDictionaries(): void {
    if (this.dictionariesRequested) return;
    this.dictionariesRequested = true;
    void import('../../internal/estimator.js')
      .then((estimator) => estimator.prepareEstimator(getActiveLocale()))
      .catch(() => {
        this.dictionariesRequested = false;
      });
  }

  /** At most one estimate in flight per meter: a newer value replaces the queued one. */
  private async requestEstimate(): Promise<void> {
    if (this.estimating) {
      this.estimateAgain = true;
      return;
    }
    this.estimating = true;
    try {
      do {
        this.estimateAgain = false;
        const password = this.value;
        if (password === '') break;
        const locale = getActiveLocale();
        const [estimator, advice] = await Promise.all([import('../../internal/estimator.js'), loadAdvice()]);
        const result = await estimator.estimatePassword(locale, password, this.userInputs);
        if (password === this.value && this.isConnected) {
          this.advice = advice;
          this.estimate = {for: password, locale, result};
        }
      } while (this.estimateAgain);
    } catch {
      // The meter is advice: without an estimate it keeps showing the length rule.
    } finally {
      this.estimating = false;
    }
  }

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const text = [this.summary, this.lengthHint || this.primaryAdvice].filter(Boolean).join(' ');
      // A second identical announcement would be noise.
      if (text !== this.announcement) this.announcement = text;
    }, ANNOUNCE_AFTER_MS);
  }

  /**
   * Checks the password now with `breachCheck`, as when the customer commits to it (the input
   * loses focus or its form is submitted): once per value, the answer kept; nothing below
   * `min-length` or without a `breachCheck`. Resolves when {@link level} tells the answer.
   */
  async checkBreach(): Promise<void> {
    // Read from the input itself: a password manager may have filled it silently.
    if (this.input) this.takeValue(this.input.value);
    const password = this.value;
    const check = this.breachCheck;
    if (!check || codePointLength(password) < this.effectiveMinLength) return;
    if (this.breach?.for === password && this.breach.state !== 'unavailable') return;
    // A check that hangs does not hold a form's submission for ever.
    const outcome = await Promise.race([
      this.breaches.ask(password, check),
      new Promise<'unavailable'>((resolve) => setTimeout(() => resolve('unavailable'), BREACH_WAIT_MS)),
    ]);
    const advice = await loadAdvice();
    if (password === this.value && this.isConnected) {
      this.advice = advice;
      this.breach = {for: password, state: outcome};
      this.scheduleAnnouncement();
    }
  }

  private get levelWord(): string {
    switch (this.level) {
      case 'empty':
        return this.t('strength-meter.level.empty', msg('Nothing entered yet', {id: 'strength-meter.level.empty'}));
      case 'too-short':
        return this.t('strength-meter.level.too-short', msg('Too short', {id: 'strength-meter.level.too-short'}));
      case 'checking':
        return this.t('strength-meter.level.checking', msg('Checking…', {id: 'strength-meter.level.checking'}));
      case 'weak':
        return this.t('strength-meter.level.weak', msg('Weak', {id: 'strength-meter.level.weak'}));
      case 'fair':
        return this.t('strength-meter.level.fair', msg('Fair', {id: 'strength-meter.level.fair'}));
      case 'good':
        return this.t('strength-meter.level.good', msg('Good', {id: 'strength-meter.level.good'}));
      case 'strong':
        return this.t('strength-meter.level.strong', msg('Strong', {id: 'strength-meter.level.strong'}));
      case 'breached':
        return this.t(
          'strength-meter.level.breached',
          msg('Found in a data breach', {id: 'strength-meter.level.breached'}),
        );
    }
  }

  private get label(): string {
    return this.t('strength-meter.label', msg('Password strength', {id: 'strength-meter.label'}));
  }

  private get summary(): string {
    const level = this.levelWord;
    return this.t('strength-meter.summary', msg(str`Password strength: ${level}`, {id: 'strength-meter.summary'}), {
      level,
    });
  }

  /** Shown while the password is shorter than the minimum (and when nothing is typed yet). */
  private get lengthHint(): string {
    const level = this.level;
    if (level !== 'empty' && level !== 'too-short') return '';
    const min = formatNumber(this.effectiveMinLength);
    if (level === 'empty') {
      return this.t(
        'strength-meter.hint',
        msg(
          str`Use at least ${min} characters. A few unrelated words make a strong password that is easy to remember.`,
          {id: 'strength-meter.hint'},
        ),
        {min},
      );
    }
    const count = formatNumber(codePointLength(this.value));
    return this.t(
      'strength-meter.too-short',
      msg(str`Use at least ${min} characters. So far: ${count}.`, {id: 'strength-meter.too-short'}),
      {min, count},
    );
  }

  /** The estimate's result for the current password and locale, once there is one. */
  private get currentResult(): EstimateResult | undefined {
    // A slightly older estimate keeps showing while the next one runs (a few milliseconds).
    return this.value && this.estimate ? this.estimate.result : undefined;
  }

  private get warning(): string {
    const key = this.currentResult?.warning;
    return key && this.advice ? this.t(`strength-meter.warning.${kebab(key)}`, this.advice.warningText(key)) : '';
  }

  private get suggestions(): string[] {
    const advice = this.advice;
    if (!advice || this.level === 'breached' || this.level === 'strong') return [];
    return (this.currentResult?.suggestions ?? [])
      .map((key) => this.t(`strength-meter.suggestion.${kebab(key)}`, advice.suggestionText(key)))
      .filter(Boolean);
  }

  /** The one sentence that matters most now. */
  private get primaryAdvice(): string {
    const level = this.level;
    if (level === 'breached') return this.advice?.errorText({code: 'password-breached'}, this.strings) ?? '';
    if (this.breach?.for === this.value && this.breach.state === 'unavailable') {
      return this.t(
        'strength-meter.breach-unavailable',
        msg('We could not check this password against known data breaches just now. You can still use it.', {
          id: 'strength-meter.breach-unavailable',
        }),
      );
    }
    if (level === 'strong' && !this.warning) {
      return this.t('strength-meter.strong', msg('This password is hard to guess.', {id: 'strength-meter.strong'}));
    }
    return this.warning;
  }

  /** The text part, rendered in the page's DOM (see {@link LightDomController}). */
  private renderText() {
    const level = this.level;
    const advice = [this.lengthHint, this.primaryAdvice].filter(Boolean);
    const suggestions = this.suggestions;
    return html`
      <p
        class="serein-strength-meter__summary"
        id=${this.ids.meter}
        role="meter"
        aria-label=${this.label}
        aria-valuemin="0"
        aria-valuemax="4"
        aria-valuenow=${SCORE_OF_LEVEL[level]}
        aria-valuetext=${this.levelWord}
      >
        ${this.summary}
      </p>
      <div class="serein-strength-meter__feedback" id=${this.ids.feedback}>
        ${advice.map((line) => html`<p>${line}</p>`)}${
          suggestions.length
            ? html`<ul>
                ${suggestions.map((line) => html`<li>${line}</li>`)}
              </ul>`
            : ''
        }
      </div>
      <div class="serein-visually-hidden" role="status">${this.announcement}</div>
    `;
  }

  protected override render() {
    const score = SCORE_OF_LEVEL[this.level];
    return html`
      <div part="base" class="base">
        <div part="track" class="track" aria-hidden="true">
          ${[1, 2, 3, 4].map(
            (segment) =>
              html`<span
                part=${segment <= score ? 'segment segment-filled' : 'segment'}
                class="segment"
                ?data-filled=${segment <= score}
              ></span>`,
          )}
        </div>
        <slot></slot>
      </div>
    `;
  }
}
