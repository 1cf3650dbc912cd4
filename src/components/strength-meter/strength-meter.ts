import {css, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import {SereinElement} from '../../internal/core/serein-element.js';
import {hostStyles} from '../../internal/core/host-styles.js';
import {LightDomController, renderBase, uniqueId} from '../../internal/core/light-dom.js';
import {lazy, lazyView, loadWhenIdle} from '../../internal/core/lazy.js';
import {JourneyController} from '../../internal/core/journey-controller.js';
import {codePointLength} from '../../internal/core/code-points.js';
import type {SereinLocale} from '../../internal/locale.js';
import type {DictionarySet, EstimateResult} from '../../internal/zxcvbn-engine.js';
import type {
  SereinStrengthChangeDetail,
  SereinStrengthLevel,
  SereinStrengthVerdict,
} from '../../events/strength-change.js';
import type {BreachChecks} from '../../internal/breach-check.js';
import type {AttachedInput} from '../../internal/attached-input.js';

/** NIST SP 800-63B-4 §3.1.1.2: 15 characters for a password used on its own. */
const DEFAULT_MIN_LENGTH = 15;
/** The level is announced once typing has paused this long, never per keystroke. */
const ANNOUNCE_AFTER_MS = 1000;

// prettier-ignore
const SCORE_OF_LEVEL: Record<SereinStrengthLevel, SereinStrengthChangeDetail['score']> = {empty: 0, 'too-short': 0, checking: 0, breached: 0, rejected: 0, weak: 1, fair: 2, good: 3, strong: 4};
/** A comma-separated attribute as a list. */
const splitList = (value: string | null) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

const VERDICTS: readonly SereinStrengthVerdict[] = ['password-breached', 'password-reused', 'password-rejected'];
const DICTIONARIES: readonly DictionarySet[] = ['compact', 'full'];
const LEVEL_OF_SCORE: readonly SereinStrengthLevel[] = ['weak', 'weak', 'fair', 'good', 'strong'];

/** @internal */
export type BreachState = 'none' | 'clean' | 'breached' | 'unavailable';

/** Every template and string of the meter: its import starts with this module (CONTRIBUTING.md). */
const view = lazyView(() => import('./strength-meter.view.js'));
type View = typeof import('./strength-meter.view.js');
/** The wording of the breach error: loaded once a breach check has answered. */
const errorWords = lazy(() => import('../../internal/error-messages.js'));
/** The page's input (`for`), attached as the view arrives: the ids that describe it are the view's. */
const attachedInput = lazy(() => import('../../internal/attached-input.js'), {now: true});
/** The breach check of a committed password: loaded with the dictionaries when a `breachCheck` is set, else at the first check. */
const breachModule = lazy(() => import('./strength-meter.breach.js'));
/** The estimator client (1 KB): fetched once idle after connecting; the worker and word lists wait for a focus. */
const estimator = lazy(() => import('./strength-meter.estimator.js'));

/**
 * Shows how hard a password is to guess: a four-segment bar and a word (Too short, Weak, Fair, Good, Strong), with
 * zxcvbn-ts's warning and suggestions in the active language. It never disagrees with the policy: a password shorter
 * than `min-length`, or reported breached, is never shown as better than "Too short" or "Found in a data breach". The
 * meter is advice: it blocks nothing.
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
 * @cssprop [--serein-strength-meter-good-color=#12988a] - Bar colour at "Good" (not the link colour; ≥ 3:1 on light and dark).
 *
 * @cssstate empty - Nothing entered yet.
 * @cssstate too-short - Shorter than `min-length`.
 * @cssstate checking - The dictionaries are still loading.
 * @cssstate weak - Easy to guess.
 * @cssstate fair - Somewhat hard to guess.
 * @cssstate good - Hard to guess.
 * @cssstate strong - Very hard to guess.
 * @cssstate breached - Reported by `breachCheck` as found in a data breach.
 * @cssstate rejected - Refused by the host for this value (`setVerdict()`).
 *
 * @fires {CustomEvent<SereinStrengthChangeDetail>} serein-strength-change - The level, warning or suggestions changed. Never carries the password.
 * @fires {CustomEvent<SereinJourneyDetail>} serein-journey - `shown` when first on screen, `started` on the first input.
 */
export class SereinStrengthMeter extends SereinElement {
  /**
   * The element's own shadow styles, before its view arrives: its width, and the space the bar and three lines
   * of text will take (the hint takes two from 21rem wide up), with the gap an enclosing form puts between the
   * summary and the hint, so that the view's arrival shifts nothing.
   */
  // prettier-ignore
  static override styles = [hostStyles, css`
    :host { max-inline-size: var(--_max-width); }
    .base.loading {
      min-block-size: calc(var(--serein-strength-meter-height, 0.375rem) + var(--_space) * 0.75 + 3lh + var(--_meter-text-gap, 0px));
    }
  `];

  private readonly journey = new JourneyController(this, {component: 'strength-meter', trackAbandon: false});
  protected readonly light = new LightDomController<View>(this, {view, render: (v) => v.renderText(this)});
  /** @internal */
  readonly ids = {
    meter: uniqueId('serein-strength-meter-summary'),
    feedback: uniqueId('serein-strength-meter-feedback'),
  };
  protected override viewReady = () => Promise.all([this.light.ready(), attachedInput.load()]);
  protected override viewStyles = () => view.value?.shadowStyles;

  private attached: AttachedInput | undefined;
  private dictionariesRequested = false;
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  /** The kept answers of the breach check, once it was asked. @internal */
  breaches: BreachChecks | undefined;
  private lastDetail = '';

  /** The password being judged: the attached input's value, or the `password` property. @internal */
  @state() value = '';
  /** The estimate and the password it was made for. @internal */
  @state() estimate: {for: string; locale: SereinLocale; result: EstimateResult} | undefined;
  /** The breach check's answer and the password it was given for. @internal */
  @state() breach: {for: string; state: BreachState} | undefined;
  /** The host's refusal and the password it was made for (see {@link setVerdict}). */
  @state() private verdict: {for: string; code: SereinStrengthVerdict} | undefined;
  /** What the live region says now. @internal */
  @state() announcement = '';
  /** The wording of the breach error, once loaded. @internal */
  @state() errorWords: typeof errorWords.value;

  /** The `id` of an `<input>` in the same root (document or shadow root) to judge as it is typed in. */
  @property({attribute: 'for'}) htmlFor = '';

  /** The password to judge when no `for` input is attached (a property only, never reflected). */
  @property({attribute: false}) password = '';

  /**
   * The shortest acceptable password, in Unicode code points (an emoji counts once). NIST SP
   * 800-63B-4 asks for 15 when the password is used on its own; 8 is allowed only as part of
   * multi-factor authentication.
   */
  @property({type: Number, attribute: 'min-length'}) minLength = DEFAULT_MIN_LENGTH;

  /** Words easy to guess for this customer (name, email, site name); as an attribute, comma-separated. */
  @property({attribute: 'user-inputs', converter: {fromAttribute: splitList}})
  userInputs: string[] = [];

  /**
   * An optional breach check, off by default: resolves `true` when the password is known from a
   * data breach (see `pwnedPasswordsCheck()`). Called once per password the customer commits to
   * (the input loses focus, its form is submitted, or {@link checkBreach}), never while typing and
   * never below `min-length`; a rejection is treated as "could not check" and blocks nothing.
   */
  @property({attribute: false}) breachCheck: ((password: string) => Promise<boolean>) | undefined;

  /**
   * Which word lists judge the password. `compact` (default): lists derived from zxcvbn-ts's,
   * at most 240 KB gzip per language instead of 500–800 KB, that score 98.9 % of the held-out
   * bench passwords exactly as the full lists do (`npm run bench`). `full`: zxcvbn-ts's complete
   * lists. Any other value warns once and uses `compact`.
   */
  @property() dictionary: DictionarySet = 'compact';

  /** The level shown now. */
  get level(): SereinStrengthLevel {
    if (this.value === '') return 'empty';
    const verdict = this.verdictCode;
    if (verdict === 'password-breached' || this.breachState === 'breached') return 'breached';
    if (verdict) return 'rejected';
    if (codePointLength(this.value) < this.effectiveMinLength) return 'too-short';
    // Only the current value's own estimate: an older value's never speaks for this one.
    const result = this.currentResult;
    return result ? LEVEL_OF_SCORE[result.score] : 'checking';
  }

  /** 0 (empty, too short or breached) to 4 (strong). */
  get score(): SereinStrengthChangeDetail['score'] {
    return SCORE_OF_LEVEL[this.level];
  }

  /** True when the password meets `min-length`, was not reported breached nor refused by the host. */
  get acceptable(): boolean {
    return !['empty', 'too-short', 'breached', 'rejected'].includes(this.level);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.attachInput();
    loadWhenIdle(estimator);
  }

  /** @internal */
  override localeChanged(): void {
    super.localeChanged();
    // The last announcement was in the previous language; it is not repeated in the new one.
    this.announcement = '';
    if (this.dictionariesRequested) this.requestEstimate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.attached?.detach();
    clearTimeout(this.announceTimer);
    this.breaches?.clear();
    // Nothing secret stays behind in a removed element.
    this.password = this.value = this.announcement = this.lastDetail = '';
    this.estimate = this.breach = this.verdict = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('htmlFor') && this.isConnected && changed.get('htmlFor') !== undefined) {
      this.attachInput();
    }
    if (changed.has('minLength') && !(Number.isInteger(this.minLength) && this.minLength >= 1)) {
      this.warnOnce(`min-length must be a positive whole number; using ${DEFAULT_MIN_LENGTH}.`);
    }
    if (changed.has('dictionary') && !DICTIONARIES.includes(this.dictionary)) {
      this.warnOnce(`dictionary must be "compact" or "full"; using "compact".`);
    }
    if (changed.has('dictionary') && changed.get('dictionary') !== undefined && this.dictionariesRequested) {
      this.dictionariesRequested = false;
      this.loadDictionaries();
      if (this.value) this.requestEstimate();
    }
    if (changed.has('password') && !this.attached?.input) this.takeValue(this.password);
    if (changed.has('userInputs') && changed.get('userInputs') !== undefined && this.value) this.requestEstimate();
  }

  protected override updated(): void {
    const level = this.level;
    this.toggleStates(Object.fromEntries(Object.keys(SCORE_OF_LEVEL).map((state) => [state, state === level])));
    this.toggleStates({pending: level === 'checking' && this.barScore > 0});
    const v = this.light.view;
    if (!v) return;
    const detail: SereinStrengthChangeDetail = {
      score: this.score,
      level,
      acceptable: this.acceptable,
      warning: v.warning(this),
      suggestions: v.suggestions(this),
    };
    const serialized = JSON.stringify(detail);
    if (serialized === this.lastDetail) return;
    const first = this.lastDetail === '';
    this.lastDetail = serialized;
    if (!first || level !== 'empty') this.emit('serein-strength-change', detail);
  }

  /** (Re)attaches the `for` input: now if its module is here, else once it arrives (value and focus caught up). */
  private attachInput(): void {
    const module = attachedInput.value;
    if (!module) return void attachedInput.load().then(() => this.attachInput(), Boolean);
    if (!this.isConnected) return;
    this.attached ??= new module.AttachedInput([this.ids.meter, this.ids.feedback], {
      value: (value) => this.takeValue(value),
      focus: () => this.loadDictionaries(),
      commit: () => void this.checkBreach(),
    });
    this.attached.attach(this, this.htmlFor);
  }

  /** @internal */
  get effectiveDictionary(): DictionarySet {
    return DICTIONARIES.includes(this.dictionary) ? this.dictionary : 'compact';
  }

  /** @internal */
  get effectiveMinLength(): number {
    return Number.isInteger(this.minLength) && this.minLength >= 1 ? this.minLength : DEFAULT_MIN_LENGTH;
  }

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
    const known = this.breaches?.known(value);
    if (known) this.breach = {for: value, state: known};
  }

  private loadDictionaries(): void {
    if (this.dictionariesRequested) return;
    this.dictionariesRequested = true;
    if (this.breachCheck) breachModule.load().catch(() => undefined);
    void estimator
      .load()
      .then((capability) => capability.prepare(this.effectiveDictionary))
      .catch(() => {
        this.dictionariesRequested = false;
      });
  }

  /** At most one estimate in flight per meter (`strength-meter.estimator.ts`). */
  private requestEstimate(): void {
    // Without the estimator the meter keeps showing the length rule: it is advice.
    estimator.load().then((capability) => capability.requestEstimate(this), Boolean);
  }

  /** @internal */
  scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const text = this.light.view?.announcement(this) ?? '';
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
    if (this.attached?.input) this.takeValue(this.attached.input.value);
    const [password, check] = [this.value, this.breachCheck];
    if (!check || codePointLength(password) < this.effectiveMinLength) return;
    if (this.breach?.for === password && this.breach.state !== 'unavailable') return;
    return (await breachModule.load()).checkCommitted(this, password, check);
  }

  /** The wording of the breach error (loaded once). @internal */
  loadErrorWords() {
    return errorWords.load();
  }

  /** The estimate for the current password, once there is one (never an older value's). @internal */
  get currentResult(): EstimateResult | undefined {
    return this.value && this.estimate?.for === this.value ? this.estimate.result : undefined;
  }

  /** The host's refusal of the current password, if any. @internal */
  get verdictCode(): SereinStrengthVerdict | undefined {
    return this.value && this.verdict?.for === this.value ? this.verdict.code : undefined;
  }

  /**
   * The one way another component (or the host) changes the meter's verdict: `value` was refused
   * with `code` (`password-breached`, `password-reused` or `password-rejected`). While the input
   * (or `password`) holds that value, the meter shows "Found in a data breach" or "Not accepted"
   * with the error's wording, score 0 and `acceptable: false`; another value is judged afresh.
   */
  setVerdict(value: string, code: SereinStrengthVerdict): void {
    if (!VERDICTS.includes(code)) {
      this.warnOnce(`setVerdict() takes ${VERDICTS.join(', ')}; "${String(code)}" is ignored.`);
      return;
    }
    this.verdict = {for: value, code};
    void this.loadErrorWords().then((words) => (this.errorWords = words));
  }

  /** The breach check's answer for the current password. @internal */
  get breachState(): BreachState {
    return this.breach?.for === this.value ? this.breach.state : 'none';
  }

  /** Length of the current password in code points. @internal */
  get valueLength(): number {
    return codePointLength(this.value);
  }

  /** The bar's fill: while the current value's estimate is pending, the previous one, shown as pending. @internal */
  get barScore(): number {
    if (this.level === 'checking' && this.estimate) return SCORE_OF_LEVEL[LEVEL_OF_SCORE[this.estimate.result.score]];
    return this.score;
  }

  protected override render() {
    const v = this.light.view;
    return v ? v.renderBar(this) : renderBase(true);
  }
}
