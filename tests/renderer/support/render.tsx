// A minimal React renderer for hook tests in jsdom: mount a component, act on
// the DOM, read it back. (No testing library is installed; React's own `act`
// flushes effects and state updates.)
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

declare global {
  var IS_REACT_ACT_ENVIRONMENT: boolean | undefined;
}
globalThis.IS_REACT_ACT_ENVIRONMENT = true;

export interface Mounted {
  container: HTMLElement;
  /** Renders again in the same root (new props for the same component). */
  rerender(node: ReactNode): Promise<void>;
  unmount(): void;
}

export async function mount(node: ReactNode): Promise<Mounted> {
  const container = document.createElement('div');
  document.body.append(container);
  let root: Root | undefined;
  await act(async () => {
    root = createRoot(container);
    root.render(node);
  });
  return {
    container,
    rerender: (next) => act(async () => root?.render(next)),
    unmount: () => {
      act(() => root?.unmount());
      container.remove();
    },
  };
}

/** Lets pending promises settle and React apply what they set. */
export const settle = () => act(async () => {});

export async function click(element: Element | null): Promise<void> {
  if (!(element instanceof HTMLElement)) throw new Error('nothing to click');
  await act(async () => element.click());
}

/** Types into an input the way React sees it (the native setter, then an input event). */
export async function type(input: Element | null, text: string): Promise<void> {
  if (!(input instanceof HTMLInputElement)) throw new Error('not an input');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  await act(async () => {
    setter?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export const byLabel = (root: HTMLElement, label: string): HTMLInputElement => {
  const l = [...root.querySelectorAll('label')].find((x) => x.textContent === label);
  const input = l?.htmlFor ? root.ownerDocument.getElementById(l.htmlFor) : null;
  if (!(input instanceof HTMLInputElement)) throw new Error(`no field labelled ${label}`);
  return input;
};
