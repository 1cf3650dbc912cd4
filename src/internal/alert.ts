import {html, svg, type SVGTemplateResult, type TemplateResult} from 'lit';

/**
 * The tone of an alert: `info` (something to know), `success` (it worked), `warning` (a wait or a
 * limit) and `critical` (it did not work). The tone is never said by colour alone: each has its
 * own icon shape, and the words and the live region (`role="alert"` for what went wrong,
 * `role="status"` for the rest) say it too.
 */
export type AlertTone = 'info' | 'success' | 'warning' | 'critical';

const shapes: Record<AlertTone, SVGTemplateResult> = {
  // A circle with "i".
  info: svg`<circle cx="10" cy="10" r="8" /><path d="M10 9v5M10 6h.01" />`,
  // A circle with a tick.
  success: svg`<circle cx="10" cy="10" r="8" /><path d="m6.5 10.5 2.5 2.5 4.5-5" />`,
  // A triangle with "!".
  warning: svg`<path d="M10 2.5 18 17H2z" /><path d="M10 8v4M10 14.5h.01" />`,
  // An octagon with "!".
  critical: svg`<path d="M6.7 2h6.6L18 6.7v6.6L13.3 18H6.7L2 13.3V6.7z" /><path d="M10 6v5M10 14h.01" />`,
};

/** The icon of a tone: decorative (`aria-hidden`), drawn in the tone's colour. */
export function alertIcon(tone: AlertTone): TemplateResult {
  return html`<svg
    class="serein-alert-icon"
    data-tone=${tone}
    viewBox="0 0 20 20"
    aria-hidden="true"
    focusable="false"
    fill="none"
    stroke="currentColor"
    stroke-width="2"
    stroke-linecap="round"
    stroke-linejoin="round"
  >
    ${shapes[tone]}
  </svg>`;
}

/**
 * The one alert box of every component: the tone's icon, then `content`. It is rendered inside
 * a live region that exists before it (the region's role and focus stay the component's), and
 * styled by `alertStyles()` (src/internal/alert.styles.ts).
 */
export function renderAlert(tone: AlertTone, content: unknown): TemplateResult {
  return html`<div class="serein-alert-box" part="alert" data-tone=${tone}>
    ${alertIcon(tone)}
    <div class="serein-alert-body">${content}</div>
  </div>`;
}

/**
 * The heading of a confirmation state (the last step went through): the success icon, then the
 * words. It receives focus when the state appears, so it has `tabindex="-1"`.
 */
export function renderConfirmationTitle(id: string, text: string): TemplateResult {
  return html`<h2 class="serein-confirmation-title" id=${id} tabindex="-1">
    ${alertIcon('success')}<span>${text}</span>
  </h2>`;
}

/** One problem of a form, for the error summary: the field's id and what to change. */
export interface SummaryItem {
  id: string;
  text: string;
}

/**
 * The error summary of a form with several problems, shown at the top of the form: a heading
 * and a link to each field, in the order of the form. A link moves focus to its field (and does
 * not change the page's address). The summary itself receives focus after the submission.
 */
export function renderErrorSummary(id: string, title: string, items: readonly SummaryItem[]): TemplateResult {
  const go = (event: Event, field: string) => {
    event.preventDefault();
    (event.currentTarget as HTMLElement).ownerDocument.getElementById(field)?.focus();
  };
  return html`<div class="serein-summary" id=${id} role="group" aria-labelledby=${`${id}-title`} tabindex="-1">
    ${alertIcon('critical')}
    <div>
      <h3 class="serein-summary__title" id=${`${id}-title`}>${title}</h3>
      <ul>
        ${items.map(
          (item) =>
            html`<li>
              <a class="serein-link" href=${`#${item.id}`} @click=${(event: Event) => go(event, item.id)}
                >${item.text}</a
              >
            </li>`,
        )}
      </ul>
    </div>
  </div>`;
}
