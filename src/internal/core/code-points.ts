/** Counts Unicode code points, as NIST SP 800-63B-4 asks (an emoji counts once). */
export function codePointLength(value: string): number {
  let length = 0;
  for (const _ of value) length++;
  return length;
}
