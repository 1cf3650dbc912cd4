import {css} from 'lit';

/**
 * Serein's design tokens, resolved on each element's `:host` into private `--_…` properties
 * that both its shadow and its light-DOM parts inherit. Hosts theme with the public
 * `--serein-*` properties (docs/contract.md, "Theming", documented on `SereinElement`); light
 * and dark follow the page's `color-scheme` through `light-dark()`, and forced-colours mode uses
 * the system colours. Every view puts these first in its `shadowStyles`, so they arrive with the
 * view (before anything that reads them is drawn) and the component's own styles come after.
 *
 * Density: `--serein-density` scales the spacing and the control height; `1` (comfortable) by
 * default, `0.75` for compact (33 px controls). As a custom property it inherits: one
 * declaration on a page or a wrapper sets the density of every element inside it. The spacing
 * unit and the content width are resolved earlier, with the host rules the element needs before
 * its view (src/internal/core/host-styles.ts). Tokens read in few places (heading font,
 * monospace font, text on the accent, focus width and offset, banner background) are read there,
 * from the public property with its default.
 */
export const tokenStyles = css`
  :host {
    --_font: var(--serein-font, inherit);
    --_text: var(--serein-color-text, light-dark(#1f2328, #e6edf3));
    --_muted: var(--serein-color-muted, light-dark(#57606a, #9198a1));
    --_surface: var(--serein-color-surface, light-dark(#ffffff, #0d1117));
    --_border: var(--serein-color-border, light-dark(#6e7781, #8b949e));
    --_accent: var(--serein-color-accent, light-dark(#0969da, #4493f8));
    --_danger: var(--serein-color-danger, light-dark(#b42318, #ff7b72));
    --_warning: var(--serein-color-warning, light-dark(#9a6700, #d29922));
    --_success: var(--serein-color-success, light-dark(#1a7f37, #3fb950));
    --_focus: var(--serein-color-focus, light-dark(#0969da, #4493f8));
    --_radius: var(--serein-radius, 0.375rem);
    --_control: calc(var(--serein-control-height, 2.75rem) * var(--serein-density, 1));
    font-family: var(--_font);
    color: var(--_text);
  }

  @media (forced-colors: active) {
    :host {
      --_text: CanvasText;
      --_muted: CanvasText;
      --_surface: Canvas;
      --_border: CanvasText;
      --_accent: Highlight;
      --_danger: CanvasText;
      --_warning: CanvasText;
      --_success: CanvasText;
      --_focus: Highlight;
    }
  }
`;
