import {html} from 'lit';
import {msg, str} from '@lit/localize';
import {formatNumber, plural} from '../../internal/format.js';
import type {SereinStrengthLevel} from '../../events/strength-change.js';
import type {SereinStrengthMeter} from './strength-meter.js';
import {meterLightStyles, meterShadowStyles} from './strength-meter.styles.js';
import {tokenStyles} from '../../internal/tokens.js';
import {t} from '../../internal/wording.js';

/** Every template and string of `<serein-strength-meter>`: loaded lazily (CONTRIBUTING.md). */

export const lightStyles = meterLightStyles;

/** The theme tokens and the bar's styles, added to the shadow root when the view arrives. */
export const shadowStyles = [tokenStyles, meterShadowStyles()];

const kebab = (key: string) => key.replace(/[A-Z]+/g, (part) => `-${part.toLowerCase()}`).replace(/^-/, '');

/*
 * zxcvbn-ts feedback keys → localised sentences. zxcvbn-ts returns plain keys when no
 * translations are given; Serein translates them itself so that the meter's advice is written
 * in the same calm voice, in every shipped language, without pulling a language pack's
 * dictionary just for its sentences.
 */
function warningText(key: string): string {
  switch (key) {
    case 'straightRow':
      return msg('Straight rows of keys, like “qwerty”, are easy to guess.', {
        id: 'strength-meter.warning.straight-row',
      });
    case 'keyPattern':
      return msg('Short keyboard patterns are easy to guess.', {id: 'strength-meter.warning.key-pattern'});
    case 'simpleRepeat':
      return msg('Repeated characters, like “aaa”, are easy to guess.', {id: 'strength-meter.warning.simple-repeat'});
    case 'extendedRepeat':
      return msg('Repeated patterns, like “abcabc”, are easy to guess.', {
        id: 'strength-meter.warning.extended-repeat',
      });
    case 'sequences':
      return msg('Sequences, like “abc” or “123”, are easy to guess.', {id: 'strength-meter.warning.sequences'});
    case 'recentYears':
      return msg('Recent years are easy to guess.', {id: 'strength-meter.warning.recent-years'});
    case 'dates':
      return msg('Dates are easy to guess.', {id: 'strength-meter.warning.dates'});
    case 'topTen':
      return msg('This is one of the most used passwords.', {id: 'strength-meter.warning.top-ten'});
    case 'topHundred':
      return msg('This is a very common password.', {id: 'strength-meter.warning.top-hundred'});
    case 'common':
      return msg('This is a common password.', {id: 'strength-meter.warning.common'});
    case 'similarToCommon':
      return msg('This is very similar to a common password.', {id: 'strength-meter.warning.similar-to-common'});
    case 'wordByItself':
      return msg('A single word is easy to guess.', {id: 'strength-meter.warning.word-by-itself'});
    case 'namesByThemselves':
      return msg('A name on its own is easy to guess.', {id: 'strength-meter.warning.names-by-themselves'});
    case 'commonNames':
      return msg('Common first names and surnames are easy to guess.', {id: 'strength-meter.warning.common-names'});
    case 'userInputs':
      return msg('Avoid your name, your email address and the name of this site.', {
        id: 'strength-meter.warning.user-inputs',
      });
    case 'pwned':
      return msg('This password appears in known data breaches.', {id: 'strength-meter.warning.pwned'});
    default:
      return '';
  }
}

function suggestionText(key: string): string {
  switch (key) {
    case 'l33t':
      return msg('Swapping letters for look-alike symbols, like “@” for “a”, does not help much.', {
        id: 'strength-meter.suggestion.l33t',
      });
    case 'reverseWords':
      return msg('Spelling a common word backwards does not help much.', {
        id: 'strength-meter.suggestion.reverse-words',
      });
    case 'allUppercase':
      return msg('Writing everything in capitals does not help much.', {id: 'strength-meter.suggestion.all-uppercase'});
    case 'capitalization':
      return msg('A capital first letter does not help much.', {id: 'strength-meter.suggestion.capitalization'});
    case 'dates':
      return msg('Avoid dates and years that mean something to you.', {id: 'strength-meter.suggestion.dates'});
    case 'recentYears':
      return msg('Avoid recent years.', {id: 'strength-meter.suggestion.recent-years'});
    case 'associatedYears':
      return msg('Avoid years linked to you, such as your year of birth.', {
        id: 'strength-meter.suggestion.associated-years',
      });
    case 'sequences':
      return msg('Avoid sequences of letters or numbers.', {id: 'strength-meter.suggestion.sequences'});
    case 'repeated':
      return msg('Avoid repeated words and characters.', {id: 'strength-meter.suggestion.repeated'});
    case 'longerKeyboardPattern':
      return msg('If you use keyboard patterns, make them longer and change direction several times.', {
        id: 'strength-meter.suggestion.longer-keyboard-pattern',
      });
    case 'anotherWord':
      return msg('Add another word or two, preferably uncommon ones.', {id: 'strength-meter.suggestion.another-word'});
    case 'useWords':
      return msg('Try a few unrelated words together, rather than a well-known phrase.', {
        id: 'strength-meter.suggestion.use-words',
      });
    case 'noNeed':
      return msg('You do not need symbols, digits or capitals: length matters most.', {
        id: 'strength-meter.suggestion.no-need',
      });
    case 'pwned':
      return msg('If you use this password elsewhere, change it there too.', {id: 'strength-meter.suggestion.pwned'});
    default:
      return '';
  }
}

/** The word for a level. */
export function levelWord(el: SereinStrengthMeter, level: SereinStrengthLevel = el.level): string {
  switch (level) {
    case 'empty':
      return t(el, 'strength-meter.level.empty', msg('Nothing entered yet', {id: 'strength-meter.level.empty'}));
    case 'too-short':
      return t(el, 'strength-meter.level.too-short', msg('Too short', {id: 'strength-meter.level.too-short'}));
    case 'checking':
      return t(el, 'strength-meter.level.checking', msg('Checking…', {id: 'strength-meter.level.checking'}));
    case 'weak':
      return t(el, 'strength-meter.level.weak', msg('Weak', {id: 'strength-meter.level.weak'}));
    case 'fair':
      return t(el, 'strength-meter.level.fair', msg('Fair', {id: 'strength-meter.level.fair'}));
    case 'good':
      return t(el, 'strength-meter.level.good', msg('Good', {id: 'strength-meter.level.good'}));
    case 'strong':
      return t(el, 'strength-meter.level.strong', msg('Strong', {id: 'strength-meter.level.strong'}));
    case 'rejected':
      return t(el, 'strength-meter.level.rejected', msg('Not accepted', {id: 'strength-meter.level.rejected'}));
    case 'breached':
      return t(
        el,
        'strength-meter.level.breached',
        msg('Found in a data breach', {id: 'strength-meter.level.breached'}),
      );
  }
}

const label = (el: SereinStrengthMeter) =>
  t(el, 'strength-meter.label', msg('Password strength', {id: 'strength-meter.label'}));

function summary(el: SereinStrengthMeter): string {
  // A verdict is not a strength: it gets a sentence of its own.
  if (el.level === 'breached') {
    return t(
      el,
      'strength-meter.summary-breached',
      msg('This password was found in a data breach.', {id: 'strength-meter.summary-breached'}),
    );
  }
  if (el.level === 'rejected') {
    return t(
      el,
      'strength-meter.summary-rejected',
      msg('This password is not accepted.', {id: 'strength-meter.summary-rejected'}),
    );
  }
  const level = levelWord(el);
  return t(el, 'strength-meter.summary', msg(str`Password strength: ${level}`, {id: 'strength-meter.summary'}), {
    level,
  });
}

/**
 * The page marks the attached input invalid: its own error, next to the field, says what to fix,
 * so the meter keeps its level but does not repeat the length rule or the refusal's sentence.
 */
function pageShowsError(el: SereinStrengthMeter): boolean {
  if (!el.htmlFor) return false;
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.getElementById?.(el.htmlFor)?.getAttribute('aria-invalid') === 'true';
}

/** Shown while the password is shorter than the minimum (and when nothing is typed yet). */
function lengthHint(el: SereinStrengthMeter): string {
  const level = el.level;
  if (level !== 'empty' && level !== 'too-short') return '';
  if (level === 'too-short' && pageShowsError(el)) return '';
  const min = formatNumber(el.effectiveMinLength);
  if (level === 'empty') {
    return t(
      el,
      'strength-meter.hint',
      plural(el.effectiveMinLength, {
        zero: () =>
          msg(
            str`Use at least ${min} characters. A few unrelated words make a strong password that is easy to remember.`,
            {id: 'strength-meter.hint.zero'},
          ),
        one: () =>
          msg(
            str`Use at least ${min} character. A few unrelated words make a strong password that is easy to remember.`,
            {id: 'strength-meter.hint.one'},
          ),
        two: () =>
          msg(
            str`Use at least ${min} characters. A few unrelated words make a strong password that is easy to remember.`,
            {id: 'strength-meter.hint.two'},
          ),
        few: () =>
          msg(
            str`Use at least ${min} characters. A few unrelated words make a strong password that is easy to remember.`,
            {id: 'strength-meter.hint.few'},
          ),
        many: () =>
          msg(
            str`Use at least ${min} characters. A few unrelated words make a strong password that is easy to remember.`,
            {id: 'strength-meter.hint.many'},
          ),
        other: () =>
          msg(
            str`Use at least ${min} characters. A few unrelated words make a strong password that is easy to remember.`,
            {id: 'strength-meter.hint.other'},
          ),
      }),
      {min},
    );
  }
  const count = formatNumber(el.valueLength);
  return t(
    el,
    'strength-meter.too-short',
    plural(el.effectiveMinLength, {
      zero: () => msg(str`Use at least ${min} characters. So far: ${count}.`, {id: 'strength-meter.too-short.zero'}),
      one: () => msg(str`Use at least ${min} character. So far: ${count}.`, {id: 'strength-meter.too-short.one'}),
      two: () => msg(str`Use at least ${min} characters. So far: ${count}.`, {id: 'strength-meter.too-short.two'}),
      few: () => msg(str`Use at least ${min} characters. So far: ${count}.`, {id: 'strength-meter.too-short.few'}),
      many: () => msg(str`Use at least ${min} characters. So far: ${count}.`, {id: 'strength-meter.too-short.many'}),
      other: () => msg(str`Use at least ${min} characters. So far: ${count}.`, {id: 'strength-meter.too-short.other'}),
    }),
    {min, count},
  );
}

/** zxcvbn's warning for the current estimate, in the active language. */
export function warning(el: SereinStrengthMeter): string {
  const key = el.currentResult?.warning;
  return key ? t(el, `strength-meter.warning.${kebab(key)}`, warningText(key)) : '';
}

/** zxcvbn's suggestions for the current estimate (none when breached or strong). */
export function suggestions(el: SereinStrengthMeter): string[] {
  if (el.level === 'breached' || el.level === 'rejected' || el.level === 'strong') return [];
  return (el.currentResult?.suggestions ?? [])
    .map((key) => t(el, `strength-meter.suggestion.${kebab(key)}`, suggestionText(key)))
    .filter(Boolean);
}

/** The one sentence that matters most now. */
function primaryAdvice(el: SereinStrengthMeter): string {
  const level = el.level;
  if (level === 'breached' || level === 'rejected') {
    if (pageShowsError(el)) return '';
    return el.errorWords?.errorText({code: el.verdictCode ?? 'password-breached'}, el.strings) ?? '';
  }
  if (el.breachState === 'unavailable') {
    return t(
      el,
      'strength-meter.breach-unavailable',
      msg('We could not check this password against known data breaches just now. You can still use it.', {
        id: 'strength-meter.breach-unavailable',
      }),
    );
  }
  const said = warning(el);
  if (level === 'strong' && !said) {
    return t(el, 'strength-meter.strong', msg('This password is hard to guess.', {id: 'strength-meter.strong'}));
  }
  return said;
}

/** What the live region says once typing has paused. */
export function announcement(el: SereinStrengthMeter): string {
  return [summary(el), lengthHint(el) || primaryAdvice(el)].filter(Boolean).join(' ');
}

/** The text part, rendered in the page's DOM (see `LightDomController`). */
export function renderText(el: SereinStrengthMeter) {
  const advice = [lengthHint(el), primaryAdvice(el)].filter(Boolean);
  const lines = suggestions(el);
  return html`
    <p
      class="serein-strength-meter__summary"
      id=${el.ids.meter}
      role="meter"
      aria-label=${label(el)}
      aria-valuemin="0"
      aria-valuemax="4"
      aria-valuenow=${el.score}
      aria-valuetext=${levelWord(el)}
    >
      ${summary(el)}
    </p>
    <div class="serein-strength-meter__feedback" id=${el.ids.feedback}>
      ${advice.map((line) => html`<p>${line}</p>`)}${
        lines.length
          ? html`<ul>
              ${lines.map((line) => html`<li>${line}</li>`)}
            </ul>`
          : ''
      }
    </div>
    <div class="serein-visually-hidden" role="status">${el.announcement}</div>
  `;
}

/** The shadow tree: the four-segment bar around the slot that shows the text. */
export function renderBar(el: SereinStrengthMeter) {
  const score = el.score;
  return html`
    <slot name="brand"></slot>
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
