import {existsSync} from 'node:fs';
import {resolve} from 'node:path';
import {esbuildPlugin} from '@web/dev-server-esbuild';
import {playwrightLauncher} from '@web/test-runner-playwright';
import {chromiumArgs, chromiumPath} from './scripts/chromium.mjs';
import {relyingPartyCommand} from './test/support/relying-party.mjs';
import {virtualAuthenticatorCommand} from './test/support/virtual-authenticator.mjs';

const here = import.meta.dirname;

// Paths the test pages asked the server for, so tests can prove what was (not) fetched.
const requested = [];

/** A strict CSP with Trusted Types enforced, for the pages of the CSP suite. */
const STRICT_CSP = [
  "default-src 'none'",
  "script-src 'nonce-serein-test' 'strict-dynamic'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html serein',
].join('; ');

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  rootDir: here,
  files: ['src/**/*.test.ts', 'test/browser/**/*.test.ts'],
  nodeResolve: true,
  concurrency: 2,
  testFramework: {config: {timeout: 20000}},
  browserStartTimeout: 60000,
  testsFinishTimeout: 600000,
  middleware: [
    async (context, next) => {
      const path = context.path;
      requested.push(path);
      // The estimator's worker is found beside its module as `.js`; serve the `.ts` source.
      const match = /^(\/src\/.*)\.js$/.exec(path);
      if (match && !existsSync(resolve(here, `.${path}`)) && existsSync(resolve(here, `.${match[1]}.ts`))) {
        context.path = `${match[1]}.ts`;
      }
      await next();
      if (path.startsWith('/test/fixtures/csp')) {
        context.set('Content-Security-Policy', STRICT_CSP);
        // The runner injects its own web-socket script into every HTML page; the policy rightly
        // blocks it, and the violation it raises (early or late, depending on load) is the
        // runner's, not the component's. The CSP pages are served without it.
        if (typeof context.body === 'string' && path.endsWith('.html')) {
          context.body = context.body.replace(/<!-- injected by web-dev-server -->\s*<script[^>]*><\/script>/g, '');
        }
      }
    },
  ],
  plugins: [
    esbuildPlugin({ts: true, tsconfig: resolve(here, 'tsconfig.json'), target: 'es2022'}),
    {
      name: 'serein-commands',
      executeCommand({command, payload, session}) {
        if (command === 'serein-requests') {
          const since = typeof payload?.since === 'number' ? payload.since : 0;
          return {count: requested.length, paths: requested.slice(since)};
        }
        // Passkey tests: a virtual authenticator on the test's page and a real relying party.
        if (command.startsWith('webauthn-')) return virtualAuthenticatorCommand(session, command, payload);
        if (command.startsWith('rp-')) return relyingPartyCommand(session.id, command, payload);
        return undefined;
      },
    },
  ],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromiumPath,
        headless: true,
        args: chromiumArgs,
      },
    }),
  ],
};
