import {expect} from '@open-wc/testing';
import {ZxcvbnFactory} from '@zxcvbn-ts/core';
import {
  checkBounded,
  ESTIMATE_MAX_CODE_POINTS,
  estimatedPrefix,
  L33T_MAX_SUBSTITUTIONS,
  loadOptions,
} from './zxcvbn-engine.js';

describe('zxcvbn engine (bounded estimate)', () => {
  let shipped: ZxcvbnFactory;
  let withL33t: ZxcvbnFactory;
  let withoutL33t: ZxcvbnFactory;

  before(async () => {
    const options = await loadOptions('en');
    shipped = new ZxcvbnFactory({...options, l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS});
    withL33t = new ZxcvbnFactory({...options, l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS});
    withoutL33t = new ZxcvbnFactory({...options, l33tMaxSubstitutions: 0});
  });

  it('estimates at most the first 64 code points', () => {
    expect(estimatedPrefix('😀'.repeat(100))).to.deep.equal({
      prefix: '😀'.repeat(ESTIMATE_MAX_CODE_POINTS),
      length: 64,
    });
    expect(estimatedPrefix('short')).to.deep.equal({prefix: 'short', length: 5});
  });

  it('keeps a quick “very hard to guess” verdict for long passwords, found without l33t analysis', () => {
    // A password whose quick pass says 4 while the full pass says 3: the quick pass really ran
    // without l33t analysis (if zxcvbn-ts stopped reading the option at check time, this fails).
    const password = '9hja+ccbjyfk800~';
    expect(withoutL33t.check(password).score).to.equal(4);
    expect(withL33t.check(password).score).to.equal(3);
    expect(checkBounded(shipped, password, []).score).to.equal(4);
  });

  it('gives the full verdict, l33t analysis included, whenever the quick pass is not conclusive', () => {
    for (const password of [
      'P@ssw0rdP@ssw0rd',
      '1l0v3y0u1l0v3y0u',
      'P@ssw0rd12345678',
      'm0nk3ym0nk3y2024',
      'p@ss',
      'Bennet7350',
    ]) {
      const full = withL33t.check(password);
      const bounded = checkBounded(shipped, password, []);
      expect(bounded.score, password).to.equal(full.score);
      expect(bounded.feedback, password).to.deep.equal(full.feedback);
    }
  });

  it('takes the customer’s own words into account in both passes', () => {
    expect(checkBounded(shipped, 'zephyrinequillbrook', ['zephyrine', 'quillbrook']).score).to.be.lessThan(
      checkBounded(shipped, 'zephyrinequillbrook', []).score,
    );
  });
});
