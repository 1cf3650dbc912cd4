import {html, nothing, type TemplateResult} from 'lit';

/** One of the labels a button can show: its words, and whether it shows the spinner with them. */
export interface ButtonLabel {
  text: string;
  busy: boolean;
}

/** A ring with a gap, turned by CSS (still where motion is reduced). Decorative. */
export const spinner = html`<svg class="serein-spinner" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
  <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="3" opacity="0.3" />
  <path d="M12 3a9 9 0 0 1 9 9" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" />
</svg>`;

/**
 * The inside of a button that becomes busy: the current label (with the spinner while busy),
 * stacked in one grid cell over invisible copies of every other label it can show, so the
 * button keeps one width in every state and nothing around it moves. The copies are generated
 * content of empty, `aria-hidden` spans: they are neither read nor part of the button's text.
 */
export function busyLabel(current: ButtonLabel, others: readonly ButtonLabel[]): TemplateResult {
  const sizers: TemplateResult[] = [];
  for (let index = 0; index < others.length; index += 2) {
    const [first, second] = [others[index]!, others[index + 1]];
    sizers.push(
      html`<span
        class="serein-busy__sizer"
        aria-hidden="true"
        data-first=${first.text}
        ?data-first-busy=${first.busy}
        data-second=${second?.text ?? nothing}
        ?data-second-busy=${!!second?.busy}
      ></span>`,
    );
  }
  return html`<span class="serein-busy"
    ><span class="serein-busy__now">${current.busy ? spinner : nothing}<span>${current.text}</span></span
    >${sizers}</span
  >`;
}
