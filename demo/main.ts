import '../src/define.js';
import {pwnedPasswordsCheck} from '../src/index.js';
import {useSereinLocalization} from '../src/localization.js';

void useSereinLocalization();

const locale = document.querySelector<HTMLSelectElement>('#locale')!;
locale.addEventListener('change', () => {
  document.documentElement.lang = locale.value;
  document.documentElement.dir = locale.value === 'ar' ? 'rtl' : 'ltr';
});

document.querySelector<HTMLInputElement>('#dark')!.addEventListener('change', (event) => {
  document.documentElement.classList.toggle('dark', (event.target as HTMLInputElement).checked);
});

const meter = document.querySelector('serein-strength-meter')!;
document.querySelector<HTMLInputElement>('#breach-check')!.addEventListener('change', (event) => {
  meter.breachCheck = (event.target as HTMLInputElement).checked ? pwnedPasswordsCheck() : undefined;
});

document.querySelector('#meter-form')!.addEventListener('submit', (event) => event.preventDefault());

// A pretend backend for the password change: what a host app does with its own API.
document.addEventListener('serein-password-change', (event) => {
  const {currentPassword, waitUntil} = event.detail;
  waitUntil(
    new Promise((resolve, reject) =>
      setTimeout(
        () => (currentPassword === 'wrong' ? reject({code: 'current-password-incorrect'}) : resolve(undefined)),
        800,
      ),
    ),
  );
});

const list = document.querySelector('#events')!;
for (const type of [
  'serein-strength-change',
  'serein-journey',
  'serein-password-changed',
  'serein-password-defer',
  'serein-feedback',
] as const) {
  document.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${type} ${JSON.stringify((event as CustomEvent).detail)}`;
    list.prepend(item);
    while (list.children.length > 12) list.lastElementChild!.remove();
  });
}
