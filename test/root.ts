// The project directory, for paths to samples, fixtures and dist/. Tests run from a JavaScript
// mirror of the tree (test/transpile.mjs), so a path relative to import.meta.url would point into
// the mirror; ava starts every worker in the project directory (ava lib/fork.js: cwd projectDir).
import {pathToFileURL} from 'node:url';

export const ROOT = `${process.cwd()}/`;

/** The URL of a path relative to the project directory. */
export const fromRoot = (path: string): URL => new URL(path, pathToFileURL(ROOT));
