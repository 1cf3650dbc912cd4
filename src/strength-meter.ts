export {SereinStrengthMeter} from './components/strength-meter/strength-meter.js';
export type {
  SereinStrengthChangeDetail,
  SereinStrengthChangeEvent,
  SereinStrengthLevel,
  SereinStrengthVerdict,
} from './events/strength-change.js';
export {pwnedPasswordsCheck, type PwnedPasswordsOptions} from './internal/pwned.js';
export {setEstimatorWorkerUrl} from './internal/estimator-url.js';
