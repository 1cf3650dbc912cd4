// Compile-time checks of src/serein-elements.d.ts (tsc cannot read .vue templates; vue-tsc and
// editors use these same declarations there). Never executed.
import type {GlobalComponents} from 'vue';

type PasswordChangeProps = InstanceType<GlobalComponents['serein-password-change']>['$props'];
type StrengthMeterProps = InstanceType<GlobalComponents['serein-strength-meter']>['$props'];

export const props: PasswordChangeProps = {reason: 'breach', username: 'ada@example.com', signOutOthers: true};
// @ts-expect-error not a reason the component knows
export const wrongReason: PasswordChangeProps = {reason: 'nope'};
export const meter: StrengthMeterProps = {for: 'try-password', minLength: 15};
// @ts-expect-error min-length is a number
export const wrongLength: StrengthMeterProps = {minLength: 'fifteen'};

declare const element: InstanceType<GlobalComponents['serein-password-change']>;
element.$emit('serein-password-change', new CustomEvent('serein-password-change'));
// @ts-expect-error the element emits no such event
element.$emit('serein-nothing', new CustomEvent('x'));
