// Checks shared by the component suites: the drawn radios and checkboxes keep their target size
// and their edge whatever the length of their hint.
import {expect} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import {useSereinLocalization} from '../../src/localization.js';

/**
 * Runs `check` at 320 CSS px in German (long words, long hints), then restores English at 800 px.
 */
export async function atNarrowGerman(check: () => Promise<void>): Promise<void> {
  await setViewport({width: 320, height: 640});
  document.documentElement.lang = 'de';
  await useSereinLocalization({locale: 'de'});
  try {
    await check();
  } finally {
    document.documentElement.lang = 'en';
    await useSereinLocalization({locale: 'en'});
    await setViewport({width: 800, height: 600});
  }
}

/**
 * Every radio and checkbox of `root` is at least 24 × 24 CSS px, all of one size, each at the
 * start edge of its row, and at least one of their hints wraps (so the check means something).
 */
export function expectSteadyControls(root: Element): void {
  const rows = [...root.querySelectorAll<HTMLElement>('.serein-check')].filter((row) => row.offsetParent);
  expect(rows.length, 'controls to check').to.be.at.least(1);
  const sizes = new Set<string>();
  let wrapped = false;
  for (const row of rows) {
    const control = row.querySelector('input')!.getBoundingClientRect();
    const edge = row.getBoundingClientRect();
    expect(control.width, 'target width').to.be.at.least(24);
    expect(control.height, 'target height').to.be.at.least(24);
    sizes.add(`${control.width}×${control.height}`);
    const start = getComputedStyle(row).direction === 'rtl' ? edge.right - control.right : control.left - edge.left;
    expect(Math.abs(start), 'the control sits at the start of its row').to.be.below(1);
    const hint = row.querySelector('.serein-hint');
    if (hint) {
      const lineHeight = parseFloat(getComputedStyle(hint).lineHeight) || 20;
      if (hint.getBoundingClientRect().height > lineHeight * 1.5) wrapped = true;
    }
  }
  expect([...sizes], 'one size for every control').to.have.length(1);
  expect(wrapped, 'a hint wraps at this width').to.equal(true);
}
