/** The answer of a breach check: `unavailable` when it failed (nothing is blocked then). */
export type BreachAnswer = 'clean' | 'breached' | 'unavailable';

/** At most this many answers are kept; a customer rarely commits to more passwords in one form. */
const KEPT_ANSWERS = 8;

/**
 * The breach check of the strength meter, asked once per password the customer commits to (see
 * `watchCommit` in `attached-input.ts`), never while they type: several related hash prefixes
 * would narrow the password down for whoever runs the endpoint. Answers are kept per value (a
 * failure is not, so the next commit asks again), and a check in flight is shared. Loaded by the
 * meter on demand (with its dictionaries when a `breachCheck` is set).
 */
export class BreachChecks {
  private readonly answers = new Map<string, Exclude<BreachAnswer, 'unavailable'>>();
  private inFlight: {password: string; answer: Promise<BreachAnswer>} | undefined;

  /** The kept answer for `password`, if it was checked. */
  known(password: string): BreachAnswer | undefined {
    return this.answers.get(password);
  }

  /** The answer for `password`: kept, in flight, or asked of `check` now. */
  ask(password: string, check: (password: string) => Promise<boolean>): Promise<BreachAnswer> {
    const known = this.answers.get(password);
    if (known) return Promise.resolve(known);
    if (this.inFlight?.password === password) return this.inFlight.answer;
    const answer = (async (): Promise<BreachAnswer> => {
      try {
        const result: BreachAnswer = (await check(password)) ? 'breached' : 'clean';
        this.answers.delete(password);
        this.answers.set(password, result);
        while (this.answers.size > KEPT_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
        return result;
      } catch {
        return 'unavailable';
      }
    })();
    this.inFlight = {password, answer};
    void answer.then(() => {
      if (this.inFlight?.answer === answer) this.inFlight = undefined;
    });
    return answer;
  }

  /** Forgets every value and answer (the element was removed). */
  clear(): void {
    this.answers.clear();
    this.inFlight = undefined;
  }
}
