import {expect, fixture, html as testHtml} from '@open-wc/testing';
import {html} from 'lit';
import {ActionController} from './action-controller.js';
import {JourneyController} from './core/journey-controller.js';
import {lazy, lazyView, styleAdoption, withParts} from './core/lazy.js';
import {SereinElement} from './core/serein-element.js';
import {SEREIN_ERROR_CODES, toSereinError} from './errors.js';
import {errorText} from './error-messages.js';
import {getActiveLocale, loadSereinTemplates, resolveSereinLocale, useSereinLocalization} from '../localization.js';
import {captureConsole, recordEvents, until} from '../../test/support/helpers.js';
import type {SereinJourneyDetail} from '../events/journey.js';

/** A minimal element built on the shared core, as every component is. */
class CoreProbe extends SereinElement {
  readonly action = new ActionController(this);
  readonly journey = new JourneyController(this, {component: 'password-change'});

  async submit() {
    this.journey.submitted();
    const outcome = await this.action.run<string>('serein-probe', {value: 'public'});
    if (outcome.status === 'done') this.journey.succeeded();
    if (outcome.status === 'failed') this.journey.failed(outcome.error.code);
    return outcome;
  }

  protected override render() {
    return html`<button
      type="button"
      aria-busy=${this.action.pending ? 'true' : 'false'}
      ?disabled=${this.action.pending}
    >
      Go
    </button>`;
  }
}
customElements.define('serein-core-probe', CoreProbe);

describe('ActionController (waitUntil / respondWith)', () => {
  it('is busy until the host’s promise settles, and returns its value', async () => {
    const probe = await fixture<CoreProbe>(testHtml`<serein-core-probe></serein-core-probe>`);
    let resolve!: (value: string) => void;
    probe.addEventListener('serein-probe', (event) => {
      const detail = (event as CustomEvent).detail;
      expect(detail.value).to.equal('public');
      detail.respondWith(new Promise<string>((done) => (resolve = done)));
    });
    const outcome = probe.submit();
    await probe.updateComplete;
    const button = probe.shadowRoot!.querySelector('button')!;
    expect(probe.action.pending).to.equal(true);
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.disabled).to.equal(true);
    resolve('ok');
    expect(await outcome).to.deep.equal({status: 'done', value: 'ok'});
    await probe.updateComplete;
    expect(button.getAttribute('aria-busy')).to.equal('false');
  });

  it('sends one event for a double submission', async () => {
    const probe = await fixture<CoreProbe>(testHtml`<serein-core-probe></serein-core-probe>`);
    const events = recordEvents(probe, ['serein-probe']);
    probe.addEventListener('serein-probe', (event) =>
      (event as CustomEvent).detail.waitUntil(new Promise((done) => setTimeout(done, 50))),
    );
    const [first, second] = await Promise.all([probe.submit(), probe.submit()]);
    expect(events).to.have.length(1);
    expect(first.status).to.equal('done');
    expect(second.status).to.equal('busy');
  });

  it('maps a rejection to a SereinError and keeps it for the message', async () => {
    const probe = await fixture<CoreProbe>(testHtml`<serein-core-probe></serein-core-probe>`);
    probe.addEventListener('serein-probe', (event) =>
      (event as CustomEvent).detail.waitUntil(
        Promise.reject({code: 'rate-limited', retryAfterSeconds: 120, reference: 'REF-42'}),
      ),
    );
    const outcome = await probe.submit();
    expect(outcome).to.deep.equal({
      status: 'failed',
      error: {code: 'rate-limited', retryAfterSeconds: 120, reference: 'REF-42'},
    });
    expect(probe.action.error?.code).to.equal('rate-limited');
  });

  it('says so in the console and returns to idle when nobody handles the event', async () => {
    const probe = await fixture<CoreProbe>(testHtml`<serein-core-probe></serein-core-probe>`);
    let outcome;
    const logged = await captureConsole(async () => {
      outcome = await probe.submit();
    });
    expect(outcome).to.deep.equal({status: 'unhandled'});
    expect(logged.join('\n')).to.include('serein-probe');
    expect(probe.action.pending).to.equal(false);
  });

  it('refuses waitUntil after the dispatch, and a second call during it', async () => {
    const probe = await fixture<CoreProbe>(testHtml`<serein-core-probe></serein-core-probe>`);
    let late: (() => void) | undefined;
    let twice: unknown;
    probe.addEventListener('serein-probe', (event) => {
      const detail = (event as CustomEvent).detail;
      detail.waitUntil(Promise.resolve());
      try {
        detail.waitUntil(Promise.resolve());
      } catch (error) {
        twice = error;
      }
      late = () => detail.waitUntil(Promise.resolve());
    });
    await probe.submit();
    expect((twice as DOMException).name).to.equal('InvalidStateError');
    expect(late).to.throw(DOMException);
  });
});

describe('withParts (the elements a view draws arrive with it)', () => {
  /** A module import that resolves when `arrive()` is called. */
  function pending<T>(module: T) {
    let arrive!: () => void;
    const promise = new Promise<T>((resolve) => (arrive = () => resolve(module)));
    return {importer: () => promise, arrive};
  }

  it('counts the view as arrived only once every part added has arrived too', async () => {
    const viewModule = pending({name: 'view'});
    const part = pending({registered: true});
    const view = withParts(lazy(viewModule.importer, {now: true}));
    view.add(part.importer);
    const loaded = view.load();
    viewModule.arrive();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(view.value, 'the view alone is not enough').to.equal(undefined);
    part.arrive();
    expect(await loaded).to.deep.equal({name: 'view'});
    expect(view.value).to.deep.equal({name: 'view'});
  });

  it('starts a part at once, and without parts is the view itself', async () => {
    let started = 0;
    const view = withParts(lazy(() => Promise.resolve({name: 'view'})));
    view.add(() => {
      started += 1;
      return Promise.resolve({});
    });
    expect(started, 'the part started when added').to.equal(1);
    await view.load();
    expect(started, 'and only once').to.equal(1);
    const bare = withParts(lazy(() => Promise.resolve({name: 'bare'})));
    expect(await bare.load()).to.deep.equal({name: 'bare'});
    expect(bare.value).to.deep.equal({name: 'bare'});
  });

  it('tries a part that failed to load again on the next load()', async () => {
    let attempts = 0;
    const view = withParts(lazy(() => Promise.resolve({name: 'view'})));
    view.add(() => (++attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve({})));
    let failure: unknown;
    await view.load().catch((error: unknown) => (failure = error));
    expect(failure).to.be.instanceOf(Error);
    expect(view.value).to.equal(undefined);
    expect(await view.load()).to.deep.equal({name: 'view'});
    expect(attempts).to.equal(2);
  });
});

describe('lazyView (the one way an element loads its view)', () => {
  it('counts the view as arrived once it and the style handling every view needs are both here', async () => {
    let arrive!: () => void;
    const held = new Promise<{name: string}>((resolve) => (arrive = () => resolve({name: 'view'})));
    const view = lazyView(() => held);
    await styleAdoption.load();
    expect(view.value, 'the style handling alone is not the view').to.equal(undefined);
    arrive();
    expect(await view.load()).to.deep.equal({name: 'view'});
    expect(view.value).to.deep.equal({name: 'view'});
    expect(styleAdoption.value?.adoptShadowStyles).to.be.a('function');
  });
});

describe('SereinError mapping', () => {
  it('normalises what hosts reject with', () => {
    expect(toSereinError({code: 'code-incorrect', attemptsLeft: 2, message: 'Check your app'})).to.deep.equal({
      code: 'code-incorrect',
      attemptsLeft: 2,
      message: 'Check your app',
    });
    expect(toSereinError(Object.assign(new Error('boom'), {code: 'unavailable'}))).to.deep.equal({
      code: 'unavailable',
      message: 'boom',
    });
    expect(toSereinError({code: 'made-up'})).to.deep.equal({code: 'unknown'});
    expect(toSereinError(new TypeError('Failed to fetch'))).to.deep.equal({code: 'network'});
    expect(toSereinError(new Error('internal stack detail'))).to.deep.equal({code: 'unknown'});
    expect(toSereinError({code: 'rate-limited', retryAfterSeconds: -5, attemptsLeft: 'x'})).to.deep.equal({
      code: 'rate-limited',
    });
  });

  it('has a calm, distinct message for every code, with the wait and the attempts left', () => {
    const texts = SEREIN_ERROR_CODES.map((code) => errorText({code}));
    expect(new Set(texts).size).to.equal(SEREIN_ERROR_CODES.length);
    for (const text of texts) expect(text).to.match(/\.$/);
    expect(errorText({code: 'rate-limited', retryAfterSeconds: 120})).to.include('2 minutes');
    expect(errorText({code: 'code-incorrect', attemptsLeft: 3})).to.include('You can try 3 more times');
    expect(errorText({code: 'code-incorrect', attemptsLeft: 1})).to.include('You can try 1 more time before');
    // Never "0 tries left": the last failure says what to do now.
    const last = errorText({code: 'code-incorrect', attemptsLeft: 0});
    expect(last).to.include('Ask for a new code').and.not.match(/\b0\b/);
    expect(errorText({code: 'network'}, {'error.network': 'Acme is offline.'})).to.equal('Acme is offline.');
  });
});

describe('JourneyController (serein-journey)', () => {
  it('reports shown, started, submitted, failed, succeeded with the attempt and no secret', async () => {
    const holder = await fixture<HTMLDivElement>(testHtml`<div></div>`);
    const events = recordEvents(holder, ['serein-journey']);
    const probe = document.createElement('serein-core-probe') as CoreProbe;
    probe.journey.reason = 'breach';
    let attempt = 0;
    probe.addEventListener('serein-probe', (event) =>
      (event as CustomEvent).detail.waitUntil(
        (attempt += 1) === 1 ? Promise.reject({code: 'password-reused'}) : Promise.resolve(),
      ),
    );
    holder.append(probe);
    await until(() => events.length === 1, 'shown');
    await probe.submit();
    await probe.submit();
    const details = events.map((event) => event.detail as SereinJourneyDetail);
    expect(details.map((detail) => `${detail.action}:${detail.attempt}`)).to.deep.equal([
      'shown:1',
      'started:1',
      'submitted:1',
      'failed:1',
      'submitted:2',
      'succeeded:2',
    ]);
    expect(details[3].errorCode).to.equal('password-reused');
    for (const detail of details) {
      expect(detail).to.include({component: 'password-change', reason: 'breach'});
      expect(detail.elapsedMs).to.be.a('number').and.at.least(0);
    }
  });

  it('reports abandoned on the document when removed after started and before success', async () => {
    const holder = await fixture<HTMLDivElement>(testHtml`<div></div>`);
    const probe = document.createElement('serein-core-probe') as CoreProbe;
    holder.append(probe);
    await probe.updateComplete;
    probe.journey.start();
    const heard = recordEvents(document, ['serein-journey']);
    probe.remove();
    expect(heard.map((event) => event.detail.action)).to.deep.equal(['abandoned']);
  });

  it('reports no abandonment for an element removed untouched', async () => {
    const holder = await fixture<HTMLDivElement>(testHtml`<div></div>`);
    const heard = recordEvents(document, ['serein-journey']);
    const probe = document.createElement('serein-core-probe') as CoreProbe;
    holder.append(probe);
    await until(() => heard.length === 1, 'shown');
    probe.remove();
    expect(heard.map((event) => event.detail.action)).to.deep.equal(['shown']);
  });
});

describe('localisation', () => {
  afterEach(async () => {
    document.documentElement.lang = 'en';
    await useSereinLocalization({locale: 'en'});
  });

  it('resolves any language tag to a shipped locale', () => {
    const tags = [
      'fr-CA',
      'ar-EG',
      'de',
      'ES',
      'pt-BR',
      'pt_pt',
      'PT',
      'ja-JP',
      'nl-BE',
      'pl',
      'it-CH',
      'sv',
      '',
      undefined,
    ];
    expect(tags.map(resolveSereinLocale)).to.deep.equal([
      'fr',
      'ar',
      'de',
      'es',
      'pt-BR',
      'pt-BR',
      'pt-BR',
      'ja',
      'nl',
      'pl',
      'it',
      'en',
      'en',
      'en',
    ]);
  });

  it('gives the template maps for apps that configure @lit/localize themselves', async () => {
    const french = await loadSereinTemplates('fr-FR');
    expect(Object.keys(french)).to.include('strength-meter.level.weak');
    expect(await loadSereinTemplates('en')).to.deep.equal({});
  });

  it('renders every connected element again when another locale is ready, and no removed one', async () => {
    class LocaleProbe extends SereinElement {
      changes = 0;
      renders = 0;
      override localeChanged(): void {
        super.localeChanged();
        this.changes += 1;
      }
      protected override updated(): void {
        this.renders += 1;
      }
    }
    customElements.define('serein-locale-probe', LocaleProbe);
    const [shown, removed] = [new LocaleProbe(), new LocaleProbe()];
    document.body.append(shown, removed);
    await shown.updateComplete;
    removed.remove();
    const renders = shown.renders;
    await useSereinLocalization({locale: 'de'});
    await shown.updateComplete;
    expect(getActiveLocale()).to.equal('de');
    expect(shown.changes, 'told of the new locale').to.equal(1);
    expect(shown.renders, 'and rendered again').to.equal(renders + 1);
    expect(removed.changes, 'a removed element is not told').to.equal(0);
    await useSereinLocalization({locale: 'fr-CA'});
    expect(getActiveLocale()).to.equal('fr');
    expect(shown.changes).to.equal(2);
    shown.remove();
  });

  it('can be called again to switch the locale, and never throws', async () => {
    await useSereinLocalization({locale: 'es'});
    const spanish = errorText({code: 'network'});
    await useSereinLocalization({locale: 'de'});
    expect(errorText({code: 'network'})).not.to.equal(spanish);
    await useSereinLocalization({locale: 'xx'});
    expect(errorText({code: 'network'})).to.include('connection');
  });
});
