/**
 * Set-up of every unit test file. In component tests (the jsdom
 * environment), Testing Library's find* queries and waitFor wait up to
 * 10 s instead of 1 s: a lazy chunk's first import or a whole survey page's
 * render can take seconds on a loaded 2-core machine.
 */
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 10_000 });
}

export {};
