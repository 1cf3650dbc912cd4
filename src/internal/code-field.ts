import {html, nothing, type ReactiveController, type ReactiveControllerHost} from 'lit';

/** `numeric`: one-time codes (digits); `alphanumeric`: saved backup codes. */
export type CodeKind = 'numeric' | 'alphanumeric';

const DECIMAL_DIGIT = /\p{Nd}/u;
const LATIN_LETTER = /[a-z]/i;
/** What may separate the groups of a code: spaces, dashes, dots, underscores, slashes. */
const SEPARATOR = /[\s\p{Pd}._/·•]/u;

/**
 * The ASCII digit for any Unicode decimal digit (Arabic-Indic, Persian, full-width, Devanagari…).
 * Unicode encodes every such digit in runs of ten, from 0 to 9, so a digit's value is its
 * distance from the start of its run.
 */
function asciiDigit(char: string): string | undefined {
  if (!DECIMAL_DIGIT.test(char)) return undefined;
  const point = char.codePointAt(0)!;
  let start = point;
  while (start > 0 && DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((point - start) % 10);
}

/** One character of a code, in its canonical form, or undefined when it is not part of a code. */
function codeChar(char: string, kind: CodeKind): string | undefined {
  const digit = asciiDigit(char);
  if (digit !== undefined) return digit;
  if (kind === 'alphanumeric' && LATIN_LETTER.test(char)) return char.toUpperCase();
  return undefined;
}

/**
 * The code in `raw` as the host receives it: digits of every script written in ASCII,
 * separators and anything else that cannot be part of a code left out, backup-code letters in
 * capitals.
 */
export function normalizeCode(raw: string, kind: CodeKind): string {
  let code = '';
  for (const char of raw) code += codeChar(char, kind) ?? '';
  return code;
}

/** True when `raw` holds nothing but code characters and separators (a code from a message, say). */
export function isCodeShaped(raw: string, kind: CodeKind): boolean {
  let chars = 0;
  for (const char of raw) {
    if (codeChar(char, kind) !== undefined) chars += 1;
    else if (!SEPARATOR.test(char)) return false;
  }
  return chars > 0;
}

/** The field reads at most this many characters of what it is given (typed, pasted or filled). */
export const MAX_CODE_INPUT = 64;

/** What joins the digit groups of one code inside a longer text: a space or a dash. */
const GROUP_JOINER = /[ \u00a0\u202f\p{Pd}]/u;

/**
 * What a paste brings to the field:
 * - `code`: the text is a code (code characters with separators), taken as today;
 * - `picked`: a numeric code picked out of a longer text; `sure` is false when the text held
 *   other digits too, and such a code is never submitted by itself;
 * - `none`: nothing that can be the code; the paste is ignored.
 */
export type PastedCode = {kind: 'code'; code: string} | {kind: 'picked'; code: string; sure: boolean} | {kind: 'none'};

/**
 * Reads a paste (only its first {@link MAX_CODE_INPUT} characters). Backup codes drop separators
 * only. A numeric paste that is not a code on its own (a text message, say) is read as runs of
 * digits, where a run may be split in groups by single spaces or dashes (`123 456`): a single run
 * of `length` digits is the code; with several runs, the last run (or group) of exactly `length`
 * digits is taken, unsure (`Ref 42: your code is 123456` gives `123456`, never `421234`).
 */
export function readPastedCode(text: string, kind: CodeKind, length: number): PastedCode {
  const raw = text.slice(0, MAX_CODE_INPUT);
  if (kind === 'alphanumeric') return {kind: 'code', code: normalizeCode(raw, kind)};
  if (isCodeShaped(raw, kind) && normalizeCode(raw, kind).length <= length) {
    return {kind: 'code', code: normalizeCode(raw, kind)};
  }
  // Runs of digit groups: [['123', '456'], ['42']]…
  const runs: string[][] = [];
  let run: string[] | undefined;
  let joiner = false;
  for (const char of raw) {
    const digit = asciiDigit(char);
    if (digit !== undefined) {
      if (!run) runs.push((run = ['']));
      else if (joiner) run.push('');
      run[run.length - 1] += digit;
      joiner = false;
    } else if (run && !joiner && GROUP_JOINER.test(char)) {
      joiner = true;
    } else {
      run = undefined;
      joiner = false;
    }
  }
  const candidates = runs.flatMap((groups) =>
    groups.join('').length === length ? [groups.join('')] : groups.filter((group) => group.length === length),
  );
  const code = candidates.at(-1);
  if (code === undefined) return {kind: 'none'};
  return {kind: 'picked', code, sure: runs.length === 1 && candidates.length === 1};
}

/** `ABCDEFGH` → `ABCD-EFGH`: a backup code in readable groups. */
export function groupCode(code: string, size: number): string {
  if (size < 1) return code;
  return (code.match(new RegExp(`.{1,${size}}`, 'g')) ?? []).join('-');
}

export interface CodeFieldOptions {
  /** The input, in the page's DOM. */
  input(): HTMLInputElement | null;
  kind(): CodeKind;
  /** The number of characters of a complete numeric code (the number of boxes). */
  length(): number;
  /** The size of the readable groups of an alphanumeric code. */
  groupSize(): number;
  /**
   * A numeric code became complete through typing, a paste, an autofill or
   * {@link CodeFieldController.fill}; not when a paste held other digits too.
   */
  onComplete(code: string): void;
  /** The customer changed the code. */
  onEdit(): void;
}

export interface CodeInputOptions {
  id: string;
  describedBy: string;
  invalid: boolean;
}

/**
 * One real input for a whole one-time code (`docs/requirements.md` OTP-01, AF-05): typing, pasting the code anywhere
 * in it, autofill and WebOTP all land in the same field, whose value is kept in canonical form
 * (ASCII digits, no separators) so that the caret's index is a box's index. Numeric codes are
 * drawn as boxes that follow the caret and the selection; the boxes are decoration, hidden from
 * assistive technology, which sees one labelled text field. Backup codes are shown in readable
 * groups. Nothing here blocks a paste or an autofill: they happen natively and are tidied after.
 */
export class CodeFieldController implements ReactiveController {
  /** The canonical code, for drawing the boxes. */
  private code = '';
  private selection: [number, number] = [0, 0];
  private focused = false;
  /** The paste in progress, read before the browser inserts it, and the value it lands in. */
  private pasted: {text: string; value: string; start: number; end: number} | undefined;
  private lastComplete = '';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: CodeFieldOptions,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** The code as it stands in the input now (read at submit time: an autofill may not fire events). */
  read(): string {
    return normalizeCode((this.options.input()?.value ?? '').slice(0, MAX_CODE_INPUT), this.options.kind());
  }

  /** Empties the field (after a rejected code, a success, or on disconnect). */
  clear(): void {
    const input = this.options.input();
    if (input) input.value = '';
    this.code = '';
    this.lastComplete = '';
    this.selection = [0, 0];
    this.host.requestUpdate();
  }

  /** Puts a whole code in the field, as an autofill would (WebOTP). */
  fill(code: string): void {
    const input = this.options.input();
    if (!input) return;
    input.value = code;
    this.tidy(input, input.value.length);
    this.options.onEdit();
    this.checkComplete();
  }

  private get isNumeric(): boolean {
    return this.options.kind() === 'numeric';
  }

  /** Rewrites the input's value in canonical (or grouped) form, keeping the caret after the same characters. */
  private tidy(input: HTMLInputElement, caret: number): void {
    const kind = this.options.kind();
    const value = input.value.slice(0, MAX_CODE_INPUT);
    const before = normalizeCode(value.slice(0, caret), kind).length;
    let code = normalizeCode(value, kind);
    if (this.isNumeric) code = code.slice(0, this.options.length());
    const shown = this.isNumeric ? code : groupCode(code, this.options.groupSize());
    if (input.value !== shown) {
      input.value = shown;
      const position = this.positionAfter(shown, Math.min(before, code.length));
      if (input.ownerDocument.activeElement === input) input.setSelectionRange(position, position);
    }
    this.code = code;
    this.sync();
  }

  /** The index in `shown` just after its `count`-th code character. */
  private positionAfter(shown: string, count: number): number {
    if (this.isNumeric || count === 0) return count;
    let seen = 0;
    for (let index = 0; index < shown.length; index++) {
      if (shown[index] !== '-') seen += 1;
      if (seen === count) return index + 1;
    }
    return shown.length;
  }

  private checkComplete(): void {
    if (!this.isNumeric) return;
    const code = this.code;
    if (code.length === this.options.length() && code !== this.lastComplete) {
      this.lastComplete = code;
      this.options.onComplete(code);
    } else if (code.length < this.options.length()) {
      this.lastComplete = '';
    }
  }

  /** Reads the caret and the selection, for the boxes. */
  private readonly sync = () => {
    const input = this.options.input();
    if (!input) return;
    const focused = input.ownerDocument.activeElement === input;
    const selection: [number, number] = [input.selectionStart ?? 0, input.selectionEnd ?? 0];
    if (
      focused !== this.focused ||
      selection[0] !== this.selection[0] ||
      selection[1] !== this.selection[1] ||
      this.code !== normalizeCode(input.value.slice(0, MAX_CODE_INPUT), this.options.kind())
    ) {
      this.focused = focused;
      this.selection = selection;
      this.code = normalizeCode(input.value.slice(0, MAX_CODE_INPUT), this.options.kind());
      this.host.requestUpdate();
    }
  };

  private readonly onPaste = (event: ClipboardEvent) => {
    // The browser pastes; the input handler tidies what arrived.
    const input = event.currentTarget as HTMLInputElement;
    const text = event.clipboardData?.getData('text');
    if (text === undefined) return;
    const start = input.selectionStart ?? input.value.length;
    const end = input.selectionEnd ?? start;
    this.pasted = {text, value: input.value, start, end};
    if (text.length > MAX_CODE_INPUT) {
      // Beyond what the field reads, a paste is cut here: a browser takes seconds to insert a
      // megabyte into an input. Its first characters are inserted as the browser would.
      event.preventDefault();
      input.setRangeText(text.slice(0, MAX_CODE_INPUT), start, end, 'end');
      input.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste'}));
    }
  };

  private readonly onBeforeInput = (event: InputEvent) => {
    // A full code and one character typed in the middle: it replaces the character after the
    // caret, as the boxes suggest, instead of pushing the last one out.
    const input = event.target as HTMLInputElement;
    const start = input.selectionStart ?? 0;
    if (
      this.isNumeric &&
      event.inputType === 'insertText' &&
      event.data?.length === 1 &&
      start === input.selectionEnd &&
      start < this.options.length() &&
      normalizeCode(input.value, 'numeric').length >= this.options.length()
    ) {
      input.setSelectionRange(start, start + 1);
    }
  };

  private readonly onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const pasted = this.pasted;
    this.pasted = undefined;
    const read = pasted && readPastedCode(pasted.text, this.options.kind(), this.options.length());
    let sure = true;
    if (read?.kind === 'none') {
      // Text without anything that can be the code: the field stays as it was.
      input.value = pasted!.value;
      input.setSelectionRange(pasted!.start, pasted!.end);
      this.tidy(input, pasted!.start);
    } else if (read && this.isNumeric && (read.kind === 'picked' || read.code.length >= this.options.length())) {
      // A whole code pasted mid-code replaces what was there rather than being mixed into it.
      input.value = read.code;
      this.tidy(input, input.value.length);
      sure = read.kind === 'code' || read.sure;
    } else {
      this.tidy(input, input.selectionStart ?? input.value.length);
    }
    this.options.onEdit();
    // A code picked among other digits is shown, never submitted by itself.
    if (!sure) this.lastComplete = this.code;
    this.checkComplete();
  };

  private readonly onKeyDown = () => {
    // Arrow keys, Home, End and Backspace move the caret after this event.
    setTimeout(this.sync);
  };

  private readonly onPointerUp = (event: PointerEvent) => {
    // A click on a box puts the caret there (and selects its digit, ready to be replaced).
    const input = event.currentTarget as HTMLInputElement;
    if (!this.isNumeric) return this.sync();
    const boxes = input.parentElement?.querySelectorAll<HTMLElement>('.serein-code__box');
    if (!boxes?.length) return this.sync();
    let index = boxes.length - 1;
    for (const [at, box] of [...boxes].entries()) {
      const rect = box.getBoundingClientRect();
      if (event.clientX < rect.right) {
        index = at;
        break;
      }
    }
    const length = input.value.length;
    const start = Math.min(index, length);
    input.setSelectionRange(start, start < length ? start + 1 : start);
    this.sync();
  };

  /** The boxes' view of the caret: the boxes the selection covers, or the box at the caret. */
  private isActive(index: number): boolean {
    if (!this.focused) return false;
    const [start, end] = this.selection;
    if (start !== end) return index >= start && index < end;
    return index === Math.min(start, this.options.length() - 1);
  }

  /** The input (and, for numeric codes, its boxes), to be placed under a label. */
  render(options: CodeInputOptions) {
    const numeric = this.isNumeric;
    const length = this.options.length();
    const input = html`<input
      class="serein-input serein-code__input"
      id=${options.id}
      name="one-time-code"
      type="text"
      inputmode=${numeric ? 'numeric' : 'text'}
      autocomplete="one-time-code"
      autocapitalize=${numeric ? 'off' : 'characters'}
      spellcheck="false"
      enterkeyhint="done"
      dir="ltr"
      aria-invalid=${options.invalid ? 'true' : nothing}
      aria-describedby=${options.describedBy || nothing}
      @paste=${this.onPaste}
      @beforeinput=${this.onBeforeInput}
      @input=${this.onInput}
      @keydown=${this.onKeyDown}
      @keyup=${this.sync}
      @select=${this.sync}
      @selectionchange=${this.sync}
      @focus=${this.sync}
      @blur=${this.sync}
      @pointerup=${this.onPointerUp}
    />`;
    if (!numeric) return html`<div class="serein-code serein-code--grouped">${input}</div>`;
    const boxes = Array.from({length}, (_, index) => {
      const char = this.code[index] ?? '';
      const classes = ['serein-code__box', char ? 'is-filled' : '', this.isActive(index) ? 'is-active' : '']
        .filter(Boolean)
        .join(' ');
      return html`<span class=${classes}>${char}</span>`;
    });
    return html`<div class="serein-code">
      ${input}
      <div class="serein-code__boxes" aria-hidden="true">${boxes}</div>
    </div>`;
  }
}
