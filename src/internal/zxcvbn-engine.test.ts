import {expect} from '@open-wc/testing';
import {ZxcvbnFactory} from '@zxcvbn-ts/core';
import {
  checkBounded,
  ESTIMATE_MAX_CODE_POINTS,
  estimatedPrefix,
  L33T_MAX_SUBSTITUTIONS,
  createFactory,
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

describe('zxcvbn engine (dictionary sets)', () => {
  let full: ZxcvbnFactory;
  let compact: ZxcvbnFactory;

  before(async () => {
    [full, compact] = await Promise.all([createFactory('en', 'full'), createFactory('en', 'compact')]);
  });

  it('ranks the full lists as zxcvbn-ts itself does (the factory reads the injected dictionaries)', async () => {
    const own = new ZxcvbnFactory({...(await loadOptions('en')), l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS});
    for (const password of ['password', 'monkey2024', 'Sandra1987', 'correct horse battery staple', 'Bennet7350']) {
      const expected = own.check(password);
      const actual = full.check(password);
      expect(actual.score, password).to.equal(expected.score);
      expect(actual.guesses, password).to.equal(expected.guesses);
    }
  });

  it('finds common passwords and words in the compact lists, with the same verdict', () => {
    for (const password of ['password', 'iloveyou', 'monkey2024', 'Sandra1987', 'dragonfly', 'Bennet7350']) {
      const match = checkBounded(compact, password, []).sequence.find((part) => part.pattern === 'dictionary');
      expect(match, password).to.exist;
      expect(checkBounded(compact, password, []).score, password).to.equal(checkBounded(full, password, []).score);
    }
  });

  it('keeps the listed words with their rank, rounded down, never up', async () => {
    const {dictionary} = await import('@zxcvbn-ts/language-common');
    const ranked = (compact as unknown as {options: {rankedDictionaries: Record<string, Record<string, number>>}})
      .options.rankedDictionaries['passwords-common'];
    const sample = dictionary['passwords-common'].filter((_, index) => index % 50 === 0);
    let kept = 0;
    for (const word of sample) {
      const rank = ranked[word];
      if (rank === undefined) continue;
      kept += 1;
      expect(rank, word).to.be.at.most(dictionary['passwords-common'].indexOf(word) + 1);
      expect(rank, word).to.be.greaterThan(0);
    }
    // Most are kept in this list; the others sit in another list at a lower rank, or are short
    // enough that brute force guesses them sooner than their rank.
    expect(kept / sample.length).to.be.greaterThan(0.6);
  });

  it('builds the compact lists on the main thread in slices, letting other work run meanwhile', async () => {
    let turns = 0;
    let running = true;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      turns += 1;
      if (running) channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
    await createFactory('fr', 'compact', true);
    running = false;
    channel.port1.close();
    // One synchronous build would leave room for a single turn at most.
    expect(turns).to.be.greaterThan(5);
  });
});
