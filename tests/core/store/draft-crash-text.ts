// What the draft crash test's child types: the first n words of a note, so
// the parent can tell exactly which save a recovered draft came from.
export const DOCTOR = { email: 'doc@example.test', password: 'doctor-password-1' };

export const typedWords = (n: number): string =>
  Array.from({ length: n }, (_, i) => `word${i + 1}`).join(' ');
