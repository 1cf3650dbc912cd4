import {html, nothing, type TemplateResult} from 'lit';

export interface PasswordFieldOptions {
  id: string;
  name: string;
  autocomplete: 'current-password' | 'new-password';
  label: string;
  /** The field's error, shown under it and linked with `aria-describedby`. */
  error: string;
  /** Ids of other descriptions (hints) of the field. */
  describedBy?: string;
  revealed: boolean;
  /** Visible text of the toggle ("Show"); `aria-pressed` tells whether the password is shown. */
  toggleText: string;
  /** Its accessible name, which contains the visible text ("Show new password"). */
  toggleLabel: string;
  onToggle: (input: HTMLInputElement) => void;
  /** Rendered after the error (the strength meter of a new password). */
  after?: TemplateResult;
}

/**
 * A password field in the page's DOM: visible label, masked input with exact `autocomplete`,
 * a real show/hide button that keeps focus and caret where they are, and its error text. No
 * `maxlength`, no `pattern`: a password is taken as typed, of any length and any characters.
 */
export function renderPasswordField(options: PasswordFieldOptions) {
  const errorId = `${options.id}-error`;
  const describedBy = [options.describedBy, options.error ? errorId : ''].filter(Boolean).join(' ');
  const toggle = (event: Event) => {
    const input = (event.currentTarget as HTMLElement).ownerDocument.getElementById(
      options.id,
    ) as HTMLInputElement | null;
    if (input) options.onToggle(input);
  };
  return html`<div class="serein-field">
    <label class="serein-label" for=${options.id}>${options.label}</label>
    <div class="serein-control">
      <input
        class="serein-input"
        id=${options.id}
        name=${options.name}
        type=${options.revealed ? 'text' : 'password'}
        autocomplete=${options.autocomplete}
        spellcheck="false"
        autocapitalize="none"
        aria-invalid=${options.error ? 'true' : nothing}
        aria-describedby=${describedBy || nothing}
      />
      <button
        type="button"
        class="serein-button serein-button--quiet serein-toggle"
        aria-controls=${options.id}
        aria-pressed=${options.revealed ? 'true' : 'false'}
        aria-label=${options.toggleLabel}
        @pointerdown=${(event: Event) => event.preventDefault()}
        @click=${toggle}
      >
        ${options.toggleText}
      </button>
    </div>
    <p class="serein-error" id=${errorId}>${options.error}</p>
    ${options.after ?? nothing}
  </div>`;
}

/**
 * Flips a field between masked and shown without losing the caret or the selection (changing
 * `type` resets them in some browsers).
 */
export function keepSelectionAcrossTypeChange(input: HTMLInputElement, flip: () => Promise<unknown>): void {
  const start = input.selectionStart;
  const end = input.selectionEnd;
  void flip().then(() => {
    if (start !== null && end !== null && input.ownerDocument.activeElement === input)
      input.setSelectionRange(start, end);
  });
}
