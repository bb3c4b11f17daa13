// The project's own copy of the example routes. Tests read this, never routes/: that directory
// belongs to whoever forks the repository, and editing it must not turn their CI red.

/** The example routes, relative to the repository root (where vitest runs). */
export const EXAMPLE_ROUTES = 'test/fixtures/routes';
