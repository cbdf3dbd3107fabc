/**
 * Usernames of officials' accounts (pure): `<given name><initials of family and middle names>.<commune code>`,
 * without diacritics, e.g. "Nguyễn Văn An" in 24133 → "annv.24133"; the next "Nguyễn Văn An" gets
 * "annv2.24133". Short, typeable on a phone, unique, and tells the admin which commune it belongs to.
 */
import { cleanText } from '../officials/officials.rules.ts';
import { looseKey } from './roster-cells.rules.ts';

export function usernameBase(fullName: string): string {
  const words = cleanText(fullName).split(' ').map(looseKey).filter(Boolean);
  const given = words.pop() ?? '';
  const base = (given + words.map((w) => w.charAt(0)).join('')).slice(0, 40);
  return base || 'canbo';
}

/** First free `<base>.<commune>`, `<base>2.<commune>`, … ; the chosen name is added to `taken`. */
export function allocateUsername(base: string, communeCode: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${base}${n === 1 ? '' : n}.${communeCode}`;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}
