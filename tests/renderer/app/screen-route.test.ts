// Addresses: segments are encoded so an id can never add one, and a malformed
// address names nothing instead of throwing.
import { describe, expect, it } from 'vitest';
import {
  hrefOf,
  landingHref,
  screenRoute,
  segmentsOf,
  singleViewRoute,
} from '../../../renderer/src/app/screen-route';

describe('segmentsOf', () => {
  it('splits and decodes', () => {
    expect(segmentsOf('#/patients/a%20b/edit')).toEqual(['patients', 'a b', 'edit']);
    expect(segmentsOf('#patients//new/')).toEqual(['patients', 'new']);
    expect(segmentsOf('')).toEqual([]);
  });

  it('is null for percent-encoding that does not decode', () => {
    expect(segmentsOf('#/patients/%E0%A4%A')).toBeNull();
    expect(segmentsOf('#/%')).toBeNull();
  });
});

describe('hrefOf', () => {
  it('encodes each segment, so a slash in an id stays inside it', () => {
    expect(hrefOf(['patients', 'a/b', 'edit'])).toBe('#/patients/a%2Fb/edit');
    expect(segmentsOf(hrefOf(['patients', 'a/b', 'edit']))).toEqual(['patients', 'a/b', 'edit']);
  });

  it('the landing address names no screen', () => {
    expect(segmentsOf(landingHref)).toEqual([]);
  });
});

describe('a screen route', () => {
  type View = { tab: 'one' } | { tab: 'two'; id: string };
  const route = screenRoute<'things', View>('things', {
    home: { tab: 'one' },
    parse: ([first, second]) =>
      first === 'two' && second !== undefined ? { tab: 'two', id: second } : undefined,
    format: (v) => (v.tab === 'one' ? [] : ['two', v.id]),
  });

  it('places the segments after its id, or its home view when they name none', () => {
    expect(route.place(['two', 'x'])).toEqual({ screen: 'things', view: { tab: 'two', id: 'x' } });
    expect(route.place(['unknown'])).toEqual({ screen: 'things', view: { tab: 'one' } });
    expect(route.place([])).toEqual({ screen: 'things', view: { tab: 'one' } });
  });

  it('links to a view, and to its home view by default', () => {
    expect(route.href({ tab: 'two', id: 'x' })).toBe('#/things/two/x');
    expect(route.href()).toBe('#/things');
  });

  it('a single-view screen ignores whatever follows its id', () => {
    const single = singleViewRoute('only');
    expect(single.place(['a', 'b'])).toEqual({ screen: 'only', view: undefined });
    expect(single.href()).toBe('#/only');
  });
});
