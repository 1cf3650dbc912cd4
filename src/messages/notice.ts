// The shape every account-change notice shares: what changed, when, on which device, "if this was
// you, there is nothing more to do", and the undo path (the recovery link) if it was not them.
import common from '../generated/messages/common.js';
import {
  formatDate,
  optionalText,
  requiredDate,
  requiredLink,
  words,
  type Catalogue,
  type Context,
  type EmailInput,
  type Part,
} from './core.js';
import type {Block} from './render.js';

/** The inputs of every notice of a change to the account. */
export interface NoticeInput extends EmailInput {
  /** When it happened. Required. */
  when: Date | string | number;
  /** The device, as the host describes it ("Firefox on Windows"). Without it, the line is left out. */
  device?: string;
  /** Roughly where ("near Lyon, France"). Without it, the line is left out. */
  location?: string;
  links: {
    /** The page where the customer recovers the account (`https:`). Required. */
    recovery: string;
  };
}

/** The blocks of a notice: `what` (what changed), then the facts, then the undo path. */
export function noticeBlocks(
  context: Context,
  input: NoticeInput,
  catalogue: Catalogue,
  group: string,
  what: Part[][],
): Block[] {
  const when = formatDate(context, requiredDate(input.when, context.message, 'when'));
  const recovery = requiredLink(input.links?.recovery, context.message, 'links.recovery', context.insecureHosts);
  const device = optionalText(input.device, context.message, 'device');
  const location = optionalText(input.location, context.message, 'location');
  const blocks: Block[] = what.map((parts) => ({kind: 'paragraph', parts}));
  blocks.push({kind: 'paragraph', parts: words(context, common, 'common', 'when', {when})});
  if (device) blocks.push({kind: 'paragraph', parts: words(context, common, 'common', 'device', {device})});
  if (location) blocks.push({kind: 'paragraph', parts: words(context, common, 'common', 'location', {location})});
  blocks.push(
    {kind: 'paragraph', parts: words(context, common, 'common', 'nothing-to-do')},
    {kind: 'heading', parts: words(context, common, 'common', 'not-you-heading')},
    {kind: 'paragraph', parts: words(context, catalogue, group, 'undo')},
    {kind: 'button', label: words(context, common, 'common', 'recover-button'), href: recovery},
    {kind: 'paragraph', parts: words(context, common, 'common', 'never-ask'), muted: true},
  );
  return blocks;
}
