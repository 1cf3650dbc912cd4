import {html, nothing} from 'lit';

/**
 * The help link every form-like component ends with, at the same place in every state (WCAG
 * 3.2.6): nothing without `href`. `label` is called only when the link is shown.
 */
export function renderHelpLink(href: string, label: () => string) {
  if (!href) return nothing;
  return html`<p class="serein-help"><a class="serein-link" href=${href}>${label()}</a></p>`;
}
