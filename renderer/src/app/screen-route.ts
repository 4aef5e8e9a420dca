// How a screen appears in the address: `#/<id>` for its home view and
// `#/<id>/<segments…>` for its other views (e.g. #/patients/<id>/edit). Hash
// routes work under both http://127.0.0.1 and the app:// protocol, and make
// "typing the address of a screen you may not see" testable.
//
// A screen's route is pure and free of components, and lives in its folder's
// route.ts: the screen's own parts and other screens link to it from there,
// never through the registry (which imports every screen's component).

/** An address inside the app (`#/…`). Made only here, so `go` never gets a typo. */
export type Href = string & { readonly __brand: 'Href' };

/** A place in the app: one screen and one of its views. */
export interface RouteTo<Id extends string, View> {
  screen: Id;
  view: View;
}

/** How one screen names its views after `#/<id>`. */
export interface ViewCodec<View> {
  /** The view of `#/<id>` alone, and of segments that name no view. */
  readonly home: View;
  /** The view the (decoded) segments after `#/<id>` name, or undefined when they name none. */
  parse(segments: readonly string[]): View | undefined;
  /** The (unencoded) segments after `#/<id>` for a view; [] for the home view. */
  format(view: View): readonly string[];
}

export interface ScreenRoute<Id extends string, View> {
  readonly id: Id;
  /** Where the segments after `#/<id>` lead: the view they name, or the home view. */
  place(segments: readonly string[]): RouteTo<Id, View>;
  /** The address of a view (the home view when left out), for links and `go`. */
  href(view?: View): Href;
}

/** The address of these segments: each one encoded, so an id can never add a segment. */
export const hrefOf = (segments: readonly string[]): Href =>
  `#/${segments.map(encodeURIComponent).join('/')}` as Href;

/** The address that names no screen: the session's landing screen opens there. */
export const landingHref: Href = hrefOf([]);

/**
 * The decoded segments of an address (`#/patients/abc/edit` → patients, abc,
 * edit); null when a segment is not valid percent-encoding (a mistyped or
 * truncated address), which then names nothing rather than breaking the app.
 */
export function segmentsOf(hash: string): string[] | null {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  try {
    return parts.map(decodeURIComponent);
  } catch {
    return null;
  }
}

export function screenRoute<const Id extends string, View>(
  id: Id,
  views: ViewCodec<View>,
): ScreenRoute<Id, View> {
  return {
    id,
    place: (segments) => ({ screen: id, view: views.parse(segments) ?? views.home }),
    href: (view = views.home) => hrefOf([id, ...views.format(view)]),
  };
}

/** The codec of a screen with one view: whatever follows `#/<id>` opens it. */
const oneView: ViewCodec<undefined> = {
  home: undefined,
  parse: () => undefined,
  format: () => [],
};

/** The route of a screen with a single view (no sub-routes). */
export const singleViewRoute = <const Id extends string>(id: Id): ScreenRoute<Id, undefined> =>
  screenRoute(id, oneView);
