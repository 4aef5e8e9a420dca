// @vitest-environment jsdom
// What a screen loads when it opens: a slow answer for an earlier key never
// replaces the newer one, and a failed reload keeps what was shown.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../renderer/src/api/client';
import { useLoaded } from '../../../renderer/src/lib/useLoaded';
import { click, mount, settle, type Mounted } from '../support/render';

type Pending = { key: string; resolve(v: string): void; reject(e: unknown): void };
const pending: Pending[] = [];
const load = (key: string) =>
  new Promise<string>((resolve, reject) => pending.push({ key, resolve, reject }));

function Shows({ id }: { id: string }) {
  const { value, failure, reload } = useLoaded(id, () => load(id));
  return (
    <div>
      <p data-testid="value">{value ?? 'loading'}</p>
      <p data-testid="failure">{failure?.message ?? ''}</p>
      <button type="button" onClick={reload}>
        Refresh
      </button>
    </div>
  );
}

let view: Mounted | undefined;
afterEach(() => {
  view?.unmount();
  pending.length = 0;
});
const text = (id: string) =>
  view?.container.querySelector(`[data-testid="${id}"]`)?.textContent ?? null;

describe('useLoaded', () => {
  it('drops the answer for the patient the user has moved away from', async () => {
    view = await mount(<Shows id="a" />);
    await view.rerender(<Shows id="b" />);
    expect(text('value')).toBe('loading');
    pending.find((p) => p.key === 'b')?.resolve('patient b');
    pending.find((p) => p.key === 'a')?.resolve('patient a');
    await settle();
    expect(text('value')).toBe('patient b');
  });

  it('a failed refresh keeps the list on screen with the failure beside it', async () => {
    view = await mount(<Shows id="list" />);
    pending.shift()?.resolve('three conflicts');
    await settle();
    await click(view.container.querySelector('button'));
    pending
      .shift()
      ?.reject(
        new ApiError({ code: 'UNAVAILABLE', message: 'The app is not running.', issues: [] }),
      );
    await settle();
    expect(text('value')).toBe('three conflicts');
    expect(text('failure')).toBe('The app is not running.');
  });
});
