/**
 * The email check, in linear time. It accepts what `^[^\s@]+@[^\s@]+\.[^\s@]+$` accepted (one `@`, no whitespace,
 * a dot inside the domain), but that regex backtracks quadratically on long inputs without a match (30,000 characters
 * froze the event loop for seconds, issue 16). Length is bounded first (RFC 5321: 254).
 */
export function isEmailAddress(value: string): boolean {
  if (value.length > 254 || /\s/.test(value)) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  const domain = value.slice(at + 1);
  const dot = domain.indexOf('.', 1);
  return dot !== -1 && dot < domain.length - 1;
}
