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
