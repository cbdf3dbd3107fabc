/** Usernames of officials' accounts. */
import { describe, expect, it } from 'vitest';
import { allocateUsername, usernameBase } from './official-accounts.rules.ts';

const NFD = (x: string) => x.normalize('NFD');

describe('usernames of officials', () => {
  it('given name + initials, no diacritics, commune suffix, numbered when taken', () => {
    expect(usernameBase('Nguyễn Văn An')).toBe('annv');
    expect(usernameBase(NFD('Đặng Thị Ánh'))).toBe('anhdt');
    expect(usernameBase('H’Linh Niê')).toBe('nieh');
    expect(usernameBase('  ')).toBe('canbo');
    const taken = new Set(['annv.24133']);
    expect(allocateUsername('annv', '24133', taken)).toBe('annv2.24133');
    expect(allocateUsername('annv', '24133', taken)).toBe('annv3.24133');
    expect(allocateUsername('annv', '22015', taken)).toBe('annv.22015');
    for (const u of taken) expect(u).toMatch(/^[a-z0-9][a-z0-9._-]{2,63}$/);
  });
});
