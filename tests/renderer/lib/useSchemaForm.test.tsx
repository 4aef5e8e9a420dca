// @vitest-environment jsdom
// The one form pattern, as a person uses it: a refused attempt says why on
// each field and puts the cursor on the first; the core's refusal lands on
// the same fields; a password is emptied after a refusal; "saved" goes away
// once something is edited again.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../../renderer/src/api/client';
import { ErrorAlert } from '../../../renderer/src/components/ErrorAlert';
import { SchemaFormElement } from '../../../renderer/src/components/SchemaFormElement';
import { SubmitButton } from '../../../renderer/src/components/SubmitButton';
import { TextField } from '../../../renderer/src/components/TextField';
import { useSchemaForm } from '../../../renderer/src/lib/useSchemaForm';
import { byLabel, click, mount, settle, type, type Mounted } from '../support/render';

const Request = z.object({ name: z.string().min(1), password: z.string().min(10) }).strict();
type Send = (r: z.output<typeof Request>) => Promise<string>;

function Form({ send }: { send: Send }) {
  const form = useSchemaForm({
    initial: { name: '', password: '' },
    schema: Request,
    send,
    resetOnFailure: ['password'],
  });
  return (
    <SchemaFormElement form={form} aria-label="Test">
      <ErrorAlert message={form.failure?.message ?? null} />
      <TextField label="Name" {...form.field('name')} />
      <TextField label="Password" type="password" {...form.field('password')} />
      <p role="status">{form.succeeded ? 'Saved' : ''}</p>
      <SubmitButton form={form} busyLabel="Saving…">
        Save
      </SubmitButton>
    </SchemaFormElement>
  );
}

let view: Mounted | undefined;
afterEach(() => view?.unmount());

const alertText = () => view?.container.querySelector('[role="alert"]')?.textContent ?? null;
const errorOf = (input: HTMLInputElement) =>
  input.getAttribute('aria-invalid') === 'true'
    ? input.ownerDocument.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent
    : undefined;
const button = () => view?.container.querySelector('button') ?? null;

describe('useSchemaForm', () => {
  it('refuses before sending, says why on each field, and focuses the first to fix', async () => {
    const sent: unknown[] = [];
    view = await mount(<Form send={async (r) => (sent.push(r), 'ok')} />);
    const name = byLabel(view.container, 'Name');
    const password = byLabel(view.container, 'Password');
    await type(password, 'short');
    await click(button());
    expect(sent).toEqual([]);
    expect(alertText()).toBe('Please correct the highlighted fields.');
    expect(errorOf(name)).toBe('Required');
    expect(errorOf(password)).toBe('Must be at least 10 characters');
    expect(document.activeElement).toBe(name);
  });

  it('sends the validated request, is busy meanwhile, then says it succeeded until an edit', async () => {
    let finish: (v: string) => void = () => undefined;
    const sent: unknown[] = [];
    view = await mount(
      <Form
        send={(r) => {
          sent.push(r);
          return new Promise((resolve) => (finish = resolve));
        }}
      />,
    );
    await type(byLabel(view.container, 'Name'), 'Dana');
    await type(byLabel(view.container, 'Password'), 'long-enough-pass');
    await click(button());
    expect(sent).toEqual([{ name: 'Dana', password: 'long-enough-pass' }]);
    expect(button()?.textContent).toBe('Saving…');
    expect(button()?.hasAttribute('disabled')).toBe(true);
    finish('ok');
    await settle();
    expect(button()?.hasAttribute('disabled')).toBe(false);
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Saved');
    await type(byLabel(view.container, 'Name'), 'Dana O');
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('');
  });

  it('puts the core’s field issues on the fields, shows its message and empties the password', async () => {
    const refuse: Send = () =>
      Promise.reject(
        new ApiError({
          code: 'VALIDATION_FAILED',
          message: 'That name is taken.',
          issues: [{ path: 'name', message: 'already in use' }],
        }),
      );
    view = await mount(<Form send={refuse} />);
    const name = byLabel(view.container, 'Name');
    await type(name, 'Dana');
    await type(byLabel(view.container, 'Password'), 'long-enough-pass');
    await click(button());
    await settle();
    expect(alertText()).toBe('That name is taken.');
    expect(errorOf(name)).toBe('already in use');
    expect(byLabel(view.container, 'Password').value).toBe('');
    expect(name.value).toBe('Dana');
    expect(document.activeElement).toBe(name);
  });
});
