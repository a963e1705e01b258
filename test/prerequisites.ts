// What some tests need from outside the repository: tmux for the real-terminal tests (test/e2e/),
// and ../shared/realworld, the real-world manifests kept beside the clone, for test/realworld/ and
// test/load/realworld.test.ts. Under CI a missing one FAILS those tests, with a message saying
// what is missing and how to get it (.ci/run provides both); on a developer's machine they are
// skipped with that message, so a partial checkout still runs the rest of the suite.

import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import test from 'ava';
import {fromRoot} from './root.js';

/** `CI` as CI services set it, and as ava and Ink read it: set, and not "0" or "false". */
export const IN_CI = process.env.CI !== undefined && process.env.CI !== '0' && process.env.CI !== 'false';

/** shared/realworld sits beside the repository (its SOURCES.md says what each file holds). */
export const REALWORLD = fileURLToPath(fromRoot('../shared/realworld/'));

/** What to say when REALWORLD is not there. */
export const REALWORLD_ABSENT = `../shared/realworld (${REALWORLD}) is absent: these tests read the real-world manifests there. It sits beside the repository (CI gets a copy of shared/ next to the clone); put it there to run them.`;

let checked: boolean | undefined;

/**
 * Call at the top of a test file that reads REALWORLD, before the file declares its tests; true
 * when the folder is there. When it is absent, one exclusive test (`.only`) takes the place of the
 * file's own tests, so none of them runs into ENOENT: under CI it fails with REALWORLD_ABSENT,
 * elsewhere it passes and logs that the file was skipped.
 */
export function requireRealworld(): boolean {
	if (checked !== undefined) return checked;
	checked = existsSync(REALWORLD);
	if (!checked) {
		if (IN_CI) {
			// biome-ignore lint/suspicious/noFocusedTests: on purpose, it stands in for the file's tests
			test.only('../shared/realworld is present (required under CI)', t => {
				t.fail(REALWORLD_ABSENT);
			});
		} else {
			// biome-ignore lint/suspicious/noFocusedTests: on purpose, it stands in for the file's tests
			test.only('skipped: ../shared/realworld is absent', t => {
				t.log(`${REALWORLD_ABSENT} Skipping this file's tests (under CI this fails).`);
				t.pass();
			});
		}
	}
	return checked;
}
