import type {ReactiveControllerHost} from 'lit';
import {ActionController} from '../../internal/action-controller.js';
import type {SereinPasskeyMode} from '../../events/passkey.js';
import type {validOptions} from './passkey-button.webauthn.js';

// Options fetched ahead of the click for <serein-passkey-button>: asked for on the first pointer
// or focus, used by one ceremony at most, dropped when they expire. Loaded with the WebAuthn
// capability (on that first pointer or focus), so the button's first bundle stays small; the
// capability itself comes from the element.

/** When the host's `timeout` is missing: the common default of WebAuthn libraries. */
const DEFAULT_CEREMONY_MS = 60_000;
/** The longest a ceremony window is trusted for, whatever `timeout` says. */
const LONGEST_CEREMONY_MS = 300_000;

/**
 * How long options fetched ahead of a click may still start a ceremony: half the host's
 * `timeout` (60 s when absent, 5 minutes at most). A ceremony started from them then ends at
 * most one and a half `timeout` after the host made the challenge.
 */
/** @internal */
export function aheadLifetime(options: unknown): number {
  const timeout = (options as {timeout?: unknown}).timeout;
  const span =
    typeof timeout === 'number' && timeout > 0 ? Math.min(timeout, LONGEST_CEREMONY_MS) : DEFAULT_CEREMONY_MS;
  return span / 2;
}

/** Options asked for before the click; used by one ceremony at most. */
interface Ahead {
  mode: SereinPasskeyMode;
  /** Settles once the host answered (whatever the answer). */
  answered: Promise<void>;
  /** The host's options, once they arrived and look valid. */
  options?: unknown;
  /** `performance.now()` after which they are not used any more. */
  expiresAt: number;
}

/** What the prefetch needs from the button. */
export interface PrefetchHost {
  /** The element: the options event is dispatched from it. */
  readonly element: ReactiveControllerHost & HTMLElement;
  /** Grows when the element leaves the page: an answer that arrives after that is not kept. */
  generation(): number;
  /** Options expired: ask again if the customer is still at the button. */
  expired(): void;
  /** The WebAuthn capability's check of the host's answer. */
  readonly validOptions: typeof validOptions;
}

/** The options of the button, asked for ahead of the click, until used or expired. */
export class PasskeyPrefetch {
  /** Its own protocol, which never makes the button busy. */
  private actions: ActionController | undefined;
  private ahead: Ahead | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: PrefetchHost) {}

  /**
   * Asks the host for the options before the click (`serein-passkey-options` with `prefetch`):
   * a browser may refuse a WebAuthn call that does not closely follow the click (Safari), and a
   * click that finds them ready calls `navigator.credentials` in its own task. Nothing is shown
   * about this request; a failure is asked again by the click.
   */
  async fetch(mode: SereinPasskeyMode): Promise<void> {
    if (this.ahead?.mode === mode && (!this.ahead.options || performance.now() < this.ahead.expiresAt)) return;
    this.drop();
    const generation = this.host.generation();
    let settle = () => {};
    const entry: Ahead = {mode, answered: new Promise<void>((resolve) => (settle = resolve)), expiresAt: 0};
    this.ahead = entry;
    this.actions ??= new ActionController(this.host.element);
    const answer = await this.actions.run('serein-passkey-options', {mode, conditional: false, prefetch: true});
    if (this.ahead === entry && generation === this.host.generation()) {
      if (answer.status === 'done' && this.host.validOptions(mode, answer.value)) {
        const lifetime = aheadLifetime(answer.value);
        entry.options = answer.value;
        entry.expiresAt = performance.now() + lifetime;
        this.timer = setTimeout(() => this.expire(entry), lifetime);
      } else {
        // Nothing to say now: the click asks again, and shows what goes wrong then.
        this.ahead = undefined;
      }
    }
    settle();
  }

  /** The answer on its way for `mode`, if options were asked for and have not arrived yet. */
  coming(mode: SereinPasskeyMode): Promise<void> | undefined {
    const entry = this.ahead;
    return entry?.mode === mode && entry.options === undefined ? entry.answered : undefined;
  }

  /** The options asked for ahead, if they are ready and fresh; a challenge is used once, so they are taken. */
  take(mode: SereinPasskeyMode): unknown {
    const entry = this.ahead;
    if (!entry || entry.mode !== mode || entry.options === undefined) return undefined;
    this.drop();
    // Timers of a page in the background may run late: the clock decides.
    return performance.now() < entry.expiresAt ? entry.options : undefined;
  }

  drop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.ahead = undefined;
  }

  /** Expired options are dropped; new ones are asked for if the customer is still at the button. */
  private expire(entry: Ahead): void {
    if (this.ahead !== entry) return;
    this.drop();
    this.host.expired();
  }
}
