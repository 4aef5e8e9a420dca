// In-page timing for the Chromium benches that measure "from the click to what
// it opens being painted". Both functions run in the page (passed to
// addInitScript / page.evaluate), so they hold no named inner functions: tsx
// would wrap those in a helper that does not exist in the page.

/** Installed before the app loads: the time each API request leaves and its response arrives. */
export const recordApiRequests = (): void => {
  const w = window as unknown as { __benchApi: { path: string; sent: number; arrived: number }[] };
  w.__benchApi = [];
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const entry = { path: String(input), sent: performance.now(), arrived: Number.NaN };
    w.__benchApi.push(entry);
    return original(input, init).then((r) => {
      entry.arrived = performance.now();
      return r;
    });
  };
};

export interface PaintSpec {
  /** The elements that must be on screen, e.g. the conversation's messages. */
  selector: string;
  /** How many of them. */
  count: number;
  /** Text the last of them must contain (e.g. the newest message's body). */
  lastText?: string;
  /** Another element that must show `alsoText` (e.g. the chart header's name). */
  alsoSelector?: string;
  alsoText?: string;
  /** The API channel whose request the click starts, e.g. 'messages.open'. */
  channel: string;
}

/** [click → painted, the channel's response → painted, click → the channel's response], ms. */
export type ClickToPaint = [number, number, number];

/**
 * Evaluated (not awaited) before the click: resolves once the next click's
 * result satisfies `spec` and the frame after that commit has been painted
 * (a task after the next animation frame, as the app's own marks do).
 */
export const watchClickToPaint = (spec: PaintSpec): Promise<ClickToPaint> =>
  new Promise((done) => {
    const w = window as unknown as {
      __benchApi: { path: string; sent: number; arrived: number }[];
    };
    const seen = { click: -1, finished: false };
    document.addEventListener(
      'click',
      (e) => {
        if (seen.click < 0) seen.click = e.timeStamp;
      },
      { capture: true, once: true },
    );
    const observer = new MutationObserver(() => {
      if (seen.click < 0 || seen.finished) return;
      const found = document.querySelectorAll(spec.selector);
      if (found.length !== spec.count) return;
      if (
        spec.lastText !== undefined &&
        !found[found.length - 1]?.textContent?.includes(spec.lastText)
      )
        return;
      if (spec.alsoSelector !== undefined) {
        const also = document.querySelector(spec.alsoSelector)?.textContent ?? '';
        if (!also.includes(spec.alsoText ?? '')) return;
      }
      seen.finished = true;
      observer.disconnect();
      requestAnimationFrame(() =>
        setTimeout(() => {
          const painted = performance.now();
          const request = w.__benchApi
            .filter((r) => r.path.endsWith(`/api/${spec.channel}`) && r.sent >= seen.click)
            .at(-1);
          const arrived = request?.arrived ?? Number.NaN;
          done([painted - seen.click, painted - arrived, arrived - seen.click]);
        }, 0),
      );
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
