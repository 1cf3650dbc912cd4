/** How a shared suite drives one component (each component's test file supplies one). */
export interface ComponentHarness {
  /** The element's tag. */
  tag: string;
  /** Renders the component (and any field it needs) into `container`; returns the element. */
  mount(container: HTMLElement): Promise<HTMLElement>;
  /** Enters `secret` where the customer would, as a paste or an autofill would. */
  enterSecret(element: HTMLElement, secret: string): Promise<void>;
  /** A secret of the shape this component takes (default: a pass phrase with symbols and emoji). */
  secret?(): string;
  /** Resolves once the component has fully reacted to what was entered. */
  settle(element: HTMLElement): Promise<void>;
  /** The only event types allowed to carry the secret (for example the submit event). */
  secretEvents: string[];
  /** Selectors of parts that must live in the page's DOM (the component's light DOM). */
  lightDomSelectors: string[];
}
