// Arabic counts: a duration is inserted as Intl writes it on its own ("ثانيتان", "يومان": the
// nominative dual). After a preposition Arabic needs the genitive ("بعد ثانيتين"), which Intl
// cannot give, so every Arabic sentence must put a duration in a nominative slot, such as after
// "الوقت المتبقي:" (docs/contract.md, "Localisation"). This reads every Arabic unit that inserts a
// duration and renders it for 1, 2, 3, 11 and 100 of each unit.
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {resolve} from 'node:path';
import test from 'node:test';

const root = resolve(import.meta.dirname, '../..');
const xliff = readFileSync(resolve(root, 'locales/ar.xlf'), 'utf8');
const DURATION = /<x id="\d+" equiv-text="\$\{(?:wait|duration)\}"\/>|\{(?:wait|duration)\}/;
const PREPOSITIONS = ['بعد', 'لمدة', 'خلال', 'في', 'من', 'إلى', 'قبل', 'حتى', 'منذ', 'مدة'];

/** Every Arabic target that inserts a duration, with the text before and after it. */
const units = [...xliff.matchAll(/<trans-unit id="([^"]+)">[\s\S]*?<target>([\s\S]*?)<\/target>/g)]
  .map(([, id, target]) => ({id, target}))
  .filter(({target}) => DURATION.test(target));

test('the Arabic units that insert a duration are found', () => {
  const ids = units.map(({id}) => id);
  for (const id of ['otp-prompt.resend-wait', 'otp-prompt.remember-hint-days', 'error.rate-limited-wait']) {
    assert.ok(ids.includes(id), id);
  }
});

test('no Arabic duration follows a preposition, at 1, 2, 3, 11 and 100 of each unit', () => {
  for (const unit of ['second', 'minute', 'hour', 'day']) {
    const format = new Intl.NumberFormat('ar', {style: 'unit', unit, unitDisplay: 'long'});
    for (const count of [1, 2, 3, 11, 100]) {
      const duration = format.format(count);
      for (const {id, target} of units) {
        const rendered = target.replace(DURATION, duration).replace(/<[^>]+>/g, '…');
        const before = rendered.slice(0, rendered.indexOf(duration)).trim().split(/\s+/).at(-1) ?? '';
        assert.ok(
          !PREPOSITIONS.includes(before.replace(/[،,.:]$/, '')),
          `${id} at ${count} ${unit}: “${before} ${duration}” puts the nominative after a preposition`,
        );
      }
    }
  }
});

test('a dual reads as Intl writes it, in a nominative slot', () => {
  const two = new Intl.NumberFormat('ar', {style: 'unit', unit: 'day', unitDisplay: 'long'}).format(2);
  const days = units.find(({id}) => id === 'otp-prompt.remember-hint-days');
  assert.ok(days, 'otp-prompt.remember-hint-days');
  const rendered = days.target.replace(DURATION, two);
  assert.match(rendered, new RegExp(`: ${two}\\.`));
});
