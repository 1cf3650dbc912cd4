// Serein's elements in React 19's JSX. React 19 sets a prop as a property when the element has
// one of that name (so `signOutOthers`, `userInputs`, `strings` work as properties), as an
// attribute otherwise, and turns `on<event-name>` props into event listeners for that exact
// event name.
import type {HTMLAttributes, Ref} from 'react';
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

/** The element's own props (its public properties), its events, and the usual HTML props. */
type SereinElementProps<Element extends HTMLElement, Props extends keyof Element, Events> = Partial<
  Pick<Element, Props>
> &
  Events &
  Omit<HTMLAttributes<Element>, Props & string> & {ref?: Ref<Element>; children?: React.ReactNode};

type Listener<Detail> = (event: CustomEvent<Detail>) => void;

interface JourneyEvents {
  'onserein-journey'?: Listener<SereinJourneyDetail>;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'serein-password-change': SereinElementProps<
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
          'onserein-password-change'?: Listener<SereinPasswordChangeDetail>;
          'onserein-password-changed'?: Listener<SereinPasswordChangedDetail>;
          'onserein-password-defer'?: Listener<SereinPasswordDeferDetail>;
          'onserein-feedback'?: Listener<SereinFeedbackDetail>;
        }
      >;
      'serein-strength-meter': SereinElementProps<
        SereinStrengthMeter,
        'for' | 'password' | 'minLength' | 'userInputs' | 'breachCheck' | 'strings',
        JourneyEvents & {'onserein-strength-change'?: Listener<SereinStrengthChangeDetail>}
      >;
    }
  }
}
