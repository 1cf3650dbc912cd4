// Serein's elements in Vue's templates: `GlobalComponents` tells Vue's language tools (Volar,
// vue-tsc) which props each element takes and which events it emits. Vue sets a binding as a
// property when the element has one of that name, else as an attribute; `@serein-…` listens to
// the event of that name.
import type {AllowedComponentProps, ComponentCustomProps, EmitFn, HTMLAttributes, VNodeProps} from 'vue';
import type {
  SereinFeedbackDetail,
  SereinJourneyDetail,
  SereinPasswordChange,
  SereinPasswordChangeDetail,
  SereinPasswordChangedDetail,
  SereinPasswordDeferDetail,
  SereinStrengthChangeDetail,
  SereinStrengthMeter,
} from 'serein/index.js';

/** A custom element as Vue sees a component: its props and its emitted events. */
export type SereinVueElement<Element extends HTMLElement, Props extends keyof Element, Events> = new () => Element & {
  $props: Partial<Pick<Element, Props>> &
    Omit<HTMLAttributes, Props & string> &
    VNodeProps &
    AllowedComponentProps &
    ComponentCustomProps;
  $emit: EmitFn<{[Name in keyof Events]: (event: Events[Name]) => void}>;
};

interface JourneyEvents {
  'serein-journey': CustomEvent<SereinJourneyDetail>;
}

export type PasswordChangeElement = SereinVueElement<
  SereinPasswordChange,
  | 'reason'
  | 'username'
  | 'customerName'
  | 'brand'
  | 'noCurrent'
  | 'confirm'
  | 'minLength'
  | 'deferrable'
  | 'deadline'
  | 'supportHref'
  | 'supportLabel'
  | 'signOutOthers'
  | 'askFeedback'
  | 'action'
  | 'userInputs'
  | 'strings',
  JourneyEvents & {
    'serein-password-change': CustomEvent<SereinPasswordChangeDetail>;
    'serein-password-changed': CustomEvent<SereinPasswordChangedDetail>;
    'serein-password-defer': CustomEvent<SereinPasswordDeferDetail>;
    'serein-feedback': CustomEvent<SereinFeedbackDetail>;
  }
>;

export type StrengthMeterElement = SereinVueElement<
  SereinStrengthMeter,
  'for' | 'password' | 'minLength' | 'userInputs' | 'breachCheck' | 'strings',
  JourneyEvents & {'serein-strength-change': CustomEvent<SereinStrengthChangeDetail>}
>;

declare module 'vue' {
  interface GlobalComponents {
    'serein-password-change': PasswordChangeElement;
    'serein-strength-meter': StrengthMeterElement;
  }
}
