/**
 * Per-instance wording overrides: a partial map from message id to text, for example
 * `{'strength-meter.label': 'Acme password strength'}`. Placeholders of parameterised
 * messages are written `{name}`, with the names that message documents. Views read them
 * through `t()` (src/internal/wording.ts).
 */
export type SereinStrings = Partial<Record<string, string>>;
