/** Rewrites every html``, css`` and unsafeCSS(`…`) template of `code` with collapsed white space. */
export function minifyTemplates(code: string): string;
