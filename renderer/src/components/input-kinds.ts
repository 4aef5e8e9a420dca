// How the browser should treat a field's text (its keyboard, autofill and
// password managers), named once so every form asks for the same thing.
export const inputKinds = {
  /** Who is logging in. */
  username: { type: 'email', autoComplete: 'username' },
  /** The password of whoever is at the keyboard. */
  currentPassword: { type: 'password', autoComplete: 'current-password' },
  /** A password being set: managers offer to generate and save it. */
  newPassword: { type: 'password', autoComplete: 'new-password' },
  /** A secret that is no one's login (a server token): never saved or filled in. */
  secret: { type: 'password', autoComplete: 'off' },
} as const;
