import {msg} from '@lit/localize';

/**
 * zxcvbn-ts feedback keys → localised sentences. zxcvbn-ts returns plain keys when no
 * translations are given; Serein translates them itself so that the meter's advice is written
 * in the same calm voice, in every shipped language, without pulling a language pack's
 * dictionary just for its sentences.
 */
export function warningText(key: string): string {
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

export function suggestionText(key: string): string {
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
