const idsOf = (input: HTMLElement) => (input.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);

/** Adds `ids` to the input's `aria-describedby`, keeping the page's own ids first. */
export function describeBy(input: HTMLElement, ids: string[]): void {
  const described = idsOf(input);
  const missing = ids.filter((id) => !described.includes(id));
  if (missing.length) input.setAttribute('aria-describedby', [...described, ...missing].join(' '));
}

/** Removes `ids` from the input's `aria-describedby` (and the attribute once it is empty). */
export function undescribeBy(input: HTMLElement, ids: string[]): void {
  const rest = idsOf(input).filter((id) => !ids.includes(id));
  if (rest.length) input.setAttribute('aria-describedby', rest.join(' '));
  else input.removeAttribute('aria-describedby');
}

/**
 * Calls `onCommit` when the customer commits to the value of `input`: it loses focus, or its
 * form is submitted (seen in the capture phase, before the form's own submit handlers). Returns
 * the function that stops watching.
 */
function watchCommit(input: HTMLInputElement, onCommit: () => void): () => void {
  const root = input.getRootNode() as Document | ShadowRoot;
  const onSubmit = (event: Event) => {
    if (event.target instanceof HTMLFormElement && input.form === event.target) onCommit();
  };
  input.addEventListener('blur', onCommit);
  root.addEventListener('submit', onSubmit, true);
  return () => {
    input.removeEventListener('blur', onCommit);
    root.removeEventListener('submit', onSubmit, true);
  };
}

/** What an {@link AttachedInput} tells its owner. */
export interface AttachedInputCallbacks {
  /** The input's value changed (typing, paste, autofill, a framework). */
  value(value: string): void;
  /** The input got focus. */
  focus(): void;
  /** The customer committed to the value (blur or form submit, see `watchCommit`). */
  commit(): void;
}

/**
 * The page's `<input id=…>` a component describes: found in the same root (waiting for it when
 * it is rendered later), listened to, and given the component's ids in `aria-describedby`
 * (put back when a framework rewrites the attribute, removed on detach).
 */
export class AttachedInput {
  input: HTMLInputElement | null = null;
  private waitForInput: MutationObserver | undefined;
  private watchDescribedBy: MutationObserver | undefined;
  private stopWatchingCommit: (() => void) | undefined;

  constructor(
    private readonly ids: string[],
    private readonly on: AttachedInputCallbacks,
  ) {}

  /** Attaches the input `id` of the host's root (the one attached before, if any, is let go). */
  attach(host: Node, id: string): void {
    this.detach();
    if (!id) return;
    const root = host.getRootNode() as Document | ShadowRoot;
    const found = root.getElementById?.(id);
    if (!(found instanceof HTMLInputElement)) {
      // The input may be rendered after the component: wait for it.
      this.waitForInput ??= new MutationObserver(() => {
        if (root.getElementById?.(id) instanceof HTMLInputElement) {
          this.waitForInput?.disconnect();
          this.waitForInput = undefined;
          this.attach(host, id);
        }
      });
      this.waitForInput.observe(root, {childList: true, subtree: true});
      return;
    }
    this.input = found;
    found.addEventListener('input', this.onInput);
    found.addEventListener('change', this.onInput);
    found.addEventListener('focus', this.onFocus);
    this.stopWatchingCommit = watchCommit(found, () => this.on.commit());
    describeBy(found, this.ids);
    // A framework re-rendering the input may rewrite aria-describedby: put our ids back.
    this.watchDescribedBy = new MutationObserver(() => describeBy(found, this.ids));
    this.watchDescribedBy.observe(found, {attributes: true, attributeFilter: ['aria-describedby']});
    if (found.value) this.on.value(found.value);
    // Attached after the customer reached the input: the focus is not missed.
    if (root.activeElement === found) this.on.focus();
  }

  detach(): void {
    this.waitForInput?.disconnect();
    this.waitForInput = undefined;
    this.watchDescribedBy?.disconnect();
    this.watchDescribedBy = undefined;
    const input = this.input;
    if (!input) return;
    this.input = null;
    input.removeEventListener('input', this.onInput);
    input.removeEventListener('change', this.onInput);
    input.removeEventListener('focus', this.onFocus);
    this.stopWatchingCommit?.();
    undescribeBy(input, this.ids);
  }

  private readonly onFocus = () => this.on.focus();

  // Read from the input itself: a password manager may have filled it silently.
  private readonly onInput = () => {
    if (this.input) this.on.value(this.input.value);
  };
}
