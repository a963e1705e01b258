// dist/ as `npm run build` makes it (tsc, then the bundle: scripts/bundle.mjs), for the e2e tests
// that run the real binary: built here when `npm test` has not built it. dist/meta.json is the
// bundle's last file, so a dist/ that tsc alone wrote is built again.

import {spawnSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {fromRoot, ROOT} from '../root.js';

export const META = fileURLToPath(fromRoot('dist/meta.json'));

export function buildIfMissing(): void {
	if (existsSync(META)) return;
	const built = spawnSync('npm', ['run', 'build'], {cwd: ROOT, encoding: 'utf8'});
	if (built.status !== 0 || !existsSync(META)) throw new Error(`npm run build failed:\n${built.stdout}${built.stderr}`);
}
