import {executeServerCommand, sendKeys} from '@web/test-runner-commands';

/** Polls `condition` until it is truthy (or fails after `timeout` ms with `message`). */
export async function until<T>(
  condition: () => T | Promise<T>,
  message = 'condition',
  timeout = 8000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Paths the test server served since the mark `since` (see web-test-runner.config.js). */
export async function requestsSince(since: number): Promise<{count: number; paths: string[]}> {
  return (await executeServerCommand('serein-requests', {since})) as {count: number; paths: string[]};
}

/** Records every event of the given types dispatched on or through `target`. */
export function recordEvents(target: EventTarget, types: string[]): CustomEvent[] {
  const events: CustomEvent[] = [];
  for (const type of types) target.addEventListener(type, (event) => events.push(event as CustomEvent));
  return events;
}

/** Sets an input's value the way autofill or a paste does, then fires `input`. */
export function fill(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', {bubbles: true, composed: true, inputType: 'insertFromPaste'}));
}

/** Every console call made while `run` runs, as text. */
export async function captureConsole(run: () => Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const originals = methods.map((method) => console[method]);
  methods.forEach((method) => {
    console[method] = (...args: unknown[]) => {
      lines.push(
        args
          .map((arg) =>
            arg instanceof Error ? `${arg.name} ${arg.message}` : typeof arg === 'string' ? arg : JSON.stringify(arg),
          )
          .join(' '),
      );
    };
  });
  try {
    await run();
  } finally {
    methods.forEach((method, index) => (console[method] = originals[index]));
  }
  return lines;
}

/**
 * Records the URL of every Worker the page creates from now on (wraps the constructor); call it
 * before the code under test first runs.
 */
export function recordWorkers(): string[] {
  const urls: string[] = [];
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      urls.push(String(url));
    }
  };
  return urls;
}

/**
 * Presses Control with `key` (copy, paste, select all), as a person does. The modifier is held by
 * hand: the Firefox launcher (Puppeteer over WebDriver BiDi) takes no "Control+C" chords.
 */
export async function shortcut(key: string): Promise<void> {
  await sendKeys({down: 'Control'});
  try {
    await sendKeys({press: key});
  } finally {
    await sendKeys({up: 'Control'});
  }
}
