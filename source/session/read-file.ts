// The file system as `apply -f` reads it: a file, a folder's manifests, or `-` for none (standard
// input belongs to the script or the terminal), through the reader the CLI loads with.

import {readSources} from '../load/index.js';
import type {ReadFile} from './apply.js';

export const readFromDisk: ReadFile = path =>
	readSources([path], () => {
		throw new Error('standard input is taken: the script or the terminal reads it');
	});
