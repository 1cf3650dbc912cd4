import {StrictMode} from 'react';
import {createRoot} from 'react-dom/client';
// Registers <serein-password-change> and <serein-strength-meter> before React renders them, so
// that React sees their properties.
import 'serein/define/password-change.js';
import {useSereinLocalization} from 'serein/localization.js';
import {App} from './App.js';

void useSereinLocalization();

createRoot(document.querySelector('#root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
