import {css, html, noChange, nothing, type TemplateResult} from 'lit';
import {msg, str} from '@lit/localize';
import {isolate} from '../../internal/format.js';
import {formatDateIn} from '../../internal/date-format.js';
import {getActiveLocale} from '../../internal/locale.js';
import {renderHelpLink} from '../../internal/help-link.js';
import {renderPasswordField} from '../../internal/password-field.js';
import {later} from '../../internal/later-state.js';
import type {PasswordField, SereinPasswordChange} from './password-change.js';

// Every template and every string of <serein-password-change>: loaded by the one view
// mechanism (CONTRIBUTING.md, "The loading rule"); the element reserves its space meanwhile.
import {passwordChangeLightStyles, passwordChangeShadowStyles} from './password-change.styles.js';
import {tokenStyles} from '../../internal/tokens.js';
import {safeUrl} from '../../internal/safe-url.js';
import {busyLabel} from '../../internal/busy-label.js';
import {t} from '../../internal/wording.js';

/**
 * The "Why?" disclosure of the reason banner. Kept here, in the lazily loaded view, rather than
 * in password-change.styles.ts (which the element loads eagerly): only a banner shows it.
 */
const whyStyles = css`
  @layer serein {
    serein-password-change .serein-password-change__why summary {
      display: inline-block;
      min-block-size: 24px;
      line-height: max(1.5em, 24px);
      color: var(--_accent);
      font-weight: 600;
      cursor: pointer;
    }
    serein-password-change .serein-password-change__why summary:focus-visible {
      outline: var(--serein-focus-width, 3px) solid var(--_focus);
      outline-offset: var(--serein-focus-offset, 2px);
    }
    serein-password-change .serein-password-change__why[open] {
      display: grid;
      gap: var(--_space);
    }
  }
`;

/** The theme tokens and the layout of the base, added to the shadow root when the view arrives. */
export const shadowStyles = [tokenStyles, passwordChangeShadowStyles()];

export const lightStyles = css`
  ${passwordChangeLightStyles()} ${whyStyles}
`;

type El = SereinPasswordChange;

function heading(el: El): string {
  const brand = isolate(el.brand);
  return brand
    ? t(
        el,
        'password-change.title-brand',
        msg(str`Change your ${brand} password`, {id: 'password-change.title-brand'}),
        {brand},
      )
    : t(el, 'password-change.title', msg('Change your password', {id: 'password-change.title'}));
}

/** The label and the show-toggle name of each field. */
function fieldWords(el: El, field: PasswordField): {label: string; show: string} {
  switch (field) {
    case 'current':
      return {
        label: t(el, 'password-change.current', msg('Current password', {id: 'password-change.current'})),
        show: t(el, 'password-change.show-current', msg('Show current password', {id: 'password-change.show-current'})),
      };
    case 'new':
      return {
        label: t(el, 'password-change.new', msg('New password', {id: 'password-change.new'})),
        show: t(el, 'password-change.show-new', msg('Show new password', {id: 'password-change.show-new'})),
      };
    default:
      return {
        label: t(el, 'password-change.confirm', msg('Type the new password again', {id: 'password-change.confirm'})),
        show: t(
          el,
          'password-change.show-confirm',
          msg('Show the repeated password', {id: 'password-change.show-confirm'}),
        ),
      };
  }
}

function renderField(el: El, field: PasswordField) {
  // One name per toggle, whose state is aria-pressed (a name that flips to "Hide" while
  // pressed would be announced as "Hide …, pressed").
  const words = fieldWords(el, field);
  const userInputs = [el.username, ...el.customerName.split(/\s+/), el.brand, ...el.userInputs].filter(Boolean);
  return renderPasswordField({
    id: el.ids[field],
    name: field === 'current' ? 'current-password' : field === 'new' ? 'new-password' : 'confirm-password',
    autocomplete: field === 'current' ? 'current-password' : 'new-password',
    label: words.label,
    error: el.fieldErrors[field]
      ? (later(el, el.light, el.light.states)?.fieldErrorText(el, el.fieldErrors[field]) ?? '')
      : '',
    revealed: !!el.revealed[field],
    toggleText: t(el, 'password-change.show', msg('Show', {id: 'password-change.show'})),
    toggleLabel: words.show,
    onToggle: (input) => el.toggle(field, input),
    after:
      field === 'new'
        ? html`<serein-strength-meter
            for=${el.ids.new}
            min-length=${el.effectiveMinLength}
            dictionary=${el.dictionary}
            .userInputs=${userInputs}
            .breachCheck=${el.breachCheck}
            .strings=${el.strings}
          ></serein-strength-meter>`
        : undefined,
  });
}

/** Why we ask, for each reason but `user`. */
function why(el: El): string {
  switch (el.effectiveReason) {
    case 'routine':
      return t(
        el,
        'password-change.reason.routine',
        msg(
          'We ask for a new password from time to time, as part of routine security care. Nothing is wrong with your account.',
          {id: 'password-change.reason.routine'},
        ),
      );
    case 'suspicious-activity':
      return t(
        el,
        'password-change.reason.suspicious-activity',
        msg(
          'We noticed a sign-in to your account that may not have been you. To keep your account yours, please choose a new password now.',
          {id: 'password-change.reason.suspicious-activity'},
        ),
      );
    case 'breach':
      return t(
        el,
        'password-change.reason.breach',
        msg(
          'Your password appeared in a data breach on another website. Our own systems were not affected. Anyone with that list could try it here, so please choose a new password that you use nowhere else.',
          {id: 'password-change.reason.breach'},
        ),
      );
    case 'compliance':
      return t(
        el,
        'password-change.reason.compliance',
        msg(
          'To meet the security standards we follow, we are asking you to choose a new password. Nothing is wrong with your account.',
          {id: 'password-change.reason.compliance'},
        ),
      );
    default:
      return '';
  }
}

function laterText(el: El): string {
  const date = el.deadlineDate;
  const when = date ? formatDateIn(getActiveLocale(), date, {dateStyle: 'long'}) : '';
  return when
    ? t(
        el,
        'password-change.deadline',
        msg(str`You can do it now, or later until ${when}.`, {id: 'password-change.deadline'}),
        {when},
      )
    : t(el, 'password-change.later', msg('You can do it now or later.', {id: 'password-change.later'}));
}

function neverAskText(el: El): string {
  const brand = isolate(el.brand);
  return brand
    ? t(
        el,
        'password-change.never-ask-brand',
        msg(str`${brand} will never ask for your password by email, text message or phone.`, {
          id: 'password-change.never-ask-brand',
        }),
        {brand},
      )
    : t(
        el,
        'password-change.never-ask',
        msg('We will never ask for your password by email, text message or phone.', {
          id: 'password-change.never-ask',
        }),
      );
}

const SIGNAL_TEXT_MAX = 80;

/** The host's `signal-details`, each field checked (plain text, short, `when` a real date). */
function signalFacts(el: El): {label: string; value: string}[] {
  const details: unknown = el.signalDetails;
  if (details === null || details === undefined) return [];
  if (typeof details !== 'object' || Array.isArray(details)) {
    el.warnOnce('signal-details must be a JSON object with when, device and place; it is not shown.');
    return [];
  }
  const {when, device, place} = details as Record<string, unknown>;
  const facts: {label: string; value: string}[] = [];
  if (when !== undefined) {
    const time = typeof when === 'string' ? Date.parse(when) : Number.NaN;
    if (Number.isNaN(time)) el.warnOnce('signal-details.when must be an ISO 8601 date; it is not shown.');
    else {
      const value = formatDateIn(getActiveLocale(), time, {dateStyle: 'long', timeStyle: 'short'});
      facts.push({
        label: t(el, 'password-change.signal.when', msg('When', {id: 'password-change.signal.when'})),
        value,
      });
    }
  }
  const text = (name: string, value: unknown, label: () => string) => {
    if (value === undefined) return;
    if (typeof value !== 'string' || !value.trim() || value.length > SIGNAL_TEXT_MAX) {
      el.warnOnce(`signal-details.${name} must be text of at most ${SIGNAL_TEXT_MAX} characters; it is not shown.`);
      return;
    }
    facts.push({label: label(), value: value.trim()});
  };
  text('device', device, () =>
    t(el, 'password-change.signal.device', msg('Device or browser', {id: 'password-change.signal.device'})),
  );
  text('place', place, () =>
    t(el, 'password-change.signal.place', msg('Roughly where', {id: 'password-change.signal.place'})),
  );
  return facts;
}

/** What the host knows about the event, so the customer can recognise it (not a lure's vagueness). */
function renderSignal(el: El) {
  const facts = signalFacts(el);
  if (!facts.length) return nothing;
  return html`<div class="serein-password-change__signal">
    <p>${t(el, 'password-change.signal.title', msg('What we noticed', {id: 'password-change.signal.title'}))}</p>
    <dl>
      ${facts.map(
        ({label, value}) =>
          html`<div>
            <dt>${label}</dt>
            <dd><bdi>${value}</bdi></dd>
          </div>`,
      )}
    </dl>
  </div>`;
}

/** The reason in one short sentence, before the form; {@link why} is the detail behind "Why?". */
function whyShort(el: El): string {
  switch (el.effectiveReason) {
    case 'routine':
      return t(
        el,
        'password-change.reason.routine-short',
        msg('This is a routine password change. Nothing is wrong with your account.', {
          id: 'password-change.reason.routine-short',
        }),
      );
    case 'suspicious-activity':
      return t(
        el,
        'password-change.reason.suspicious-activity-short',
        msg('We noticed a sign-in that may not have been you. Please choose a new password now.', {
          id: 'password-change.reason.suspicious-activity-short',
        }),
      );
    case 'breach':
      return t(
        el,
        'password-change.reason.breach-short',
        msg('Your password appeared in a data breach on another website. Please choose a new one.', {
          id: 'password-change.reason.breach-short',
        }),
      );
    case 'compliance':
      return t(
        el,
        'password-change.reason.compliance-short',
        msg('Our security standards ask for a new password. Nothing is wrong with your account.', {
          id: 'password-change.reason.compliance-short',
        }),
      );
    default:
      return '';
  }
}

/**
 * The calm banner, short before the form: why we ask in one sentence, when (if it can wait), what
 * the host noticed (beside the reassurance, so the two are read together) and that we never ask
 * by email or phone. The full reason and how long it takes are behind a "Why?" disclosure.
 */
function renderBanner(el: El) {
  if (el.effectiveReason === 'user') return nothing;
  const name = isolate(el.customerName);
  return html`<div class="serein-password-change__banner">
    ${name ? html`<p>${t(el, 'password-change.greeting', msg(str`Hello ${name},`, {id: 'password-change.greeting'}), {name})}</p>` : nothing}
    <p>${whyShort(el)}</p>
    ${el.deferrable ? html`<p>${laterText(el)}</p>` : nothing} ${renderSignal(el)}
    <p>${neverAskText(el)}</p>
    <details class="serein-password-change__why">
      <summary>${t(el, 'password-change.why', msg('Why?', {id: 'password-change.why'}))}</summary>
      <p>${why(el)}</p>
      <p>
        ${t(el, 'password-change.next', msg('It takes about a minute, and you stay signed in on this device.', {id: 'password-change.next'}))}
      </p>
    </details>
  </div>`;
}

function renderSignOut(el: El) {
  if (!el.signOutOthers) return nothing;
  const suspicious = el.effectiveReason === 'suspicious-activity';
  return html`<div class="serein-check">
    <input
      type="checkbox"
      id=${el.ids.signOut}
      name="sign-out-others"
      value="true"
      checked
      aria-describedby=${el.ids.signOutHint}
    />
    <div>
      <label for=${el.ids.signOut}
        >${t(el, 'password-change.sign-out-others', msg('Sign out of other devices', {id: 'password-change.sign-out-others'}))}</label
      >
      <p class="serein-hint" id=${el.ids.signOutHint}>
        ${
          suspicious
            ? t(
                el,
                'password-change.sign-out-recommended',
                msg('Recommended after a sign-in that may not have been you. This device stays signed in.', {
                  id: 'password-change.sign-out-recommended',
                }),
              )
            : t(
                el,
                'password-change.sign-out-hint',
                msg('This device stays signed in.', {id: 'password-change.sign-out-hint'}),
              )
        }
      </p>
    </div>
  </div>`;
}

/** The submit button's words, with the spinner while saving, in a button of one width. */
function submitLabel(el: El, pending: boolean) {
  const idle = {
    text: t(el, 'password-change.submit', msg('Save the new password', {id: 'password-change.submit'})),
    busy: false,
  };
  const busy = {
    text: t(el, 'password-change.submitting', msg('Saving your new password…', {id: 'password-change.submitting'})),
    busy: true,
  };
  return pending ? busyLabel(busy, [idle]) : busyLabel(idle, [busy]);
}

function renderActions(el: El) {
  const pending = el.flow.pending;
  return html`<div class="serein-password-change__actions">
    <button
      type="submit"
      class="serein-button"
      aria-disabled=${el.flow.blocked ? 'true' : 'false'}
      aria-describedby=${el.flow.retryBlocked ? el.ids.wait : nothing}
    >
      ${submitLabel(el, pending)}
    </button>
    ${
      el.deferrable
        ? html`<button
            type="button"
            class="serein-button serein-button--quiet"
            ?disabled=${pending}
            @click=${() => el.defer()}
          >
            ${t(el, 'password-change.defer', msg('Remind me next time I sign in', {id: 'password-change.defer'}))}
          </button>`
        : nothing
    }
  </div>`;
}

function renderHelp(el: El) {
  return renderHelpLink(
    safeUrl(el.supportHref, {attribute: 'support-href', element: el}),
    () =>
      el.supportLabel ||
      t(el, 'help', msg('Need help? Contact support', {id: 'help'}), undefined, 'password-change.help'),
  );
}

/** Everything the customer reads and types, rendered in the page's DOM. */
export function renderForm(el: El): TemplateResult | typeof noChange {
  // A later state keeps the form in place until its module has arrived (a few ms at most).
  const states =
    el.success || el.flow.error || el.flow.wait.left > 0 || el.flow.wait.ended
      ? later(el, el.light, el.light.states)
      : undefined;
  if (el.success) return states ? html`${states.renderSuccess(el)}${renderHelp(el)}` : noChange;
  const alert = states?.renderAlert(el) ?? nothing;
  return html`
    <h2 id=${el.ids.title} tabindex="-1">${heading(el)}</h2>
    ${renderBanner(el)}
    <form
      method="post"
      action=${safeUrl(el.action, {attribute: 'action', element: el}) || nothing}
      novalidate
      aria-labelledby=${el.ids.title}
      aria-busy=${el.flow.pending ? 'true' : 'false'}
      @submit=${el.onSubmit}
      @input=${el.onInput}
    >
      <input
        class="serein-visually-hidden"
        type="text"
        name="username"
        autocomplete="username"
        .value=${el.username}
        readonly
        tabindex="-1"
        aria-hidden="true"
      />
      ${Object.keys(el.fieldErrors).length > 1 ? later(el, el.light, el.light.states)?.renderSummary(el) : nothing}
      ${el.noCurrent ? nothing : renderField(el, 'current')} ${renderField(el, 'new')}
      ${el.confirm ? renderField(el, 'confirm') : nothing} ${renderSignOut(el)}
      <div class="serein-alert" id=${el.ids.alert} role="alert" tabindex="-1">${alert}</div>
      ${states?.renderWaitLine(el) ?? nothing}
      <p class="serein-visually-hidden" role="status">${states?.waitText(el) ?? ''}</p>
      ${renderActions(el)}
    </form>
    ${renderHelp(el)}
  `;
}
