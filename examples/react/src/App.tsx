import {useEffect, useState} from 'react';
import type {SereinPasswordChangeDetail, SereinStrengthChangeDetail} from 'serein/index.js';
import {api} from './api.js';

interface Me {
  email: string;
  name: string;
  passwordChangeReason: 'user' | 'breach';
}

export function App() {
  // undefined: still asking; null: not signed in.
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [verdict, setVerdict] = useState('');

  useEffect(() => {
    api<Me>('/api/me').then(setMe, () => setMe(null));
  }, []);

  function changePassword(event: CustomEvent<SereinPasswordChangeDetail>) {
    const {currentPassword, newPassword, signOutOthers, waitUntil} = event.detail;
    waitUntil(api('/api/password', {currentPassword, newPassword, signOutOthers}));
  }

  function showVerdict(event: CustomEvent<SereinStrengthChangeDetail>) {
    const {score, acceptable} = event.detail;
    setVerdict(`Score ${score} of 4: ${acceptable ? 'acceptable' : 'not acceptable yet'}.`);
  }

  return (
    <main>
      <h1>Serein in a React 19 app</h1>
      <p>React renders the custom elements itself; props become properties, and on-prefixed props listen to events.</p>
      {me === null && (
        <p>
          <a href="/sign-in?next=/examples/react/">Sign in to the demo</a> to change the password from this page.
        </p>
      )}
      {me && (
        <>
          <p role="status">Signed in to the demo as {me.email}.</p>
          <serein-password-change
            username={me.email}
            customerName={me.name}
            reason={me.passwordChangeReason}
            signOutOthers
            supportHref="/help"
            onserein-password-change={changePassword}
          />
        </>
      )}
      <h2>The strength meter on its own</h2>
      <label htmlFor="try-password">Try a password (nothing is sent)</label>
      <input id="try-password" type="password" autoComplete="new-password" />
      <serein-strength-meter
        for="try-password"
        userInputs={['serein', 'react']}
        onserein-strength-change={showVerdict}
      />
      <p role="status">{verdict}</p>
    </main>
  );
}
