import catalogue from '../generated/messages/two-step-changed.js';
import {emailContext, requiredChoice, words, type EmailMessage} from './core.js';
import {noticeBlocks, type NoticeInput} from './notice.js';
import {renderEmail} from './render.js';

export const TWO_STEP_CHANGES = ['turned-on', 'turned-off', 'method-changed'] as const;
export type TwoStepChange = (typeof TWO_STEP_CHANGES)[number];

export interface TwoStepChangedInput extends NoticeInput {
  /** What changed: two-step verification turned on, turned off, or its method changed. Required. */
  change: TwoStepChange;
}

const group = 'two-step-changed';

/** The email sent when two-step verification is turned on or off, or its method changes. */
export function twoStepChanged(input: TwoStepChangedInput): EmailMessage {
  const context = emailContext('twoStepChanged', input);
  const change = requiredChoice(input.change, TWO_STEP_CHANGES, context.message, 'change');
  const brand = {brand: context.brand};
  return renderEmail(context, {
    subject: words(context, catalogue, group, 'subject', brand),
    preheader: words(context, catalogue, group, 'preheader'),
    title: words(context, catalogue, group, 'title'),
    blocks: noticeBlocks(context, input, catalogue, group, [words(context, catalogue, group, change, brand)]),
  });
}
