// Every component on a plain page 320 px wide: nothing but the browser's default 8 px body
// margin around it, in every shipped language. No horizontal scrolling, no control smaller than
// 24 × 24 px (links inside a sentence aside, as WCAG 2.2's target-size criterion allows), no text
// cut off (docs/requirements.md, WCAG reflow and target size).
import {expect} from '@open-wc/testing';
import {setViewport} from '@web/test-runner-commands';
import {useSereinLocalization} from '../../src/localization.js';
import {SEREIN_LOCALES} from '../../src/internal/locale.js';
import {audit, SCENES, WIDTH} from '../support/plain-page.js';

describe('every component on a plain 320 px page (default body margin)', () => {
  let container: HTMLElement;
  before(async () => {
    // Nothing but the browser's defaults: the body keeps its 8 px margin.
    document.body.removeAttribute('style');
    expect(getComputedStyle(document.body).marginLeft).to.equal('8px');
    await setViewport({width: WIDTH, height: 640});
  });
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => container.remove());
  after(async () => {
    document.documentElement.removeAttribute('dir');
    document.documentElement.lang = 'en';
    await useSereinLocalization({locale: 'en'});
    await setViewport({width: 800, height: 600});
  });

  for (const locale of SEREIN_LOCALES) {
    describe(locale, () => {
      before(async () => {
        document.documentElement.lang = locale;
        document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
        await useSereinLocalization({locale});
      });

      for (const [name, scene] of Object.entries(SCENES)) {
        it(`${name}: fits, with targets of 24 × 24 px and no cut text`, async () => {
          const element = await scene(container);
          await (element as HTMLElement & {updateComplete?: Promise<unknown>}).updateComplete;
          await new Promise((resolve) => requestAnimationFrame(resolve));
          const problems = audit(element);
          expect(problems, problems.join('\n')).to.deep.equal([]);
        });
      }
    });
  }
});
