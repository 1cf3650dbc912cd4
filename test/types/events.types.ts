// Compile-time checks of the public typings (run by `npm run typecheck`; never executed).
import type {SereinStrengthMeter} from '../../src/index.js';
import '../../src/define/strength-meter.js';

const meter = document.querySelector('serein-strength-meter');
// querySelector knows the tag.
const typed: SereinStrengthMeter | null = meter;

typed?.addEventListener('serein-strength-change', (event) => {
  const score: 0 | 1 | 2 | 3 | 4 = event.detail.score;
  const acceptable: boolean = event.detail.acceptable;
  const advice: string[] = [event.detail.warning, ...event.detail.suggestions];
  // @ts-expect-error the event never carries the password
  void event.detail.password;
  void [score, acceptable, advice];
});

document.addEventListener('serein-journey', (event) => {
  const action: 'shown' | 'started' | 'step' | 'submitted' | 'succeeded' | 'failed' | 'deferred' | 'abandoned' =
    event.detail.action;
  const attempt: number = event.detail.attempt;
  void [action, attempt];
});

if (typed) {
  typed.userInputs = ['camille', 'acme'];
  typed.breachCheck = async (password: string) => password.length > 100;
  typed.strings = {'strength-meter.label': 'Acme password strength'};
  // @ts-expect-error user inputs are strings
  typed.userInputs = [42];
}
