// The parser floor for a dump too big to be one string (npm run bench, the Kubernetes-limits
// dump): read the file in chunks, cut it into its List items by the layout bench/generate-dump.ts
// writes (kubectl's: JSON items at eight spaces, YAML items at `- ` in column 0), and parse each
// item alone with the fastest parser (JSON.parse, js-yaml). It knows the layout in advance and
// checks nothing, so nothing that reads an arbitrary file can beat it.
//
// Usage: node bench/item-floor.js FILE json|yaml   → the item count on stdout.

import {closeSync, openSync, readSync} from 'node:fs';
import {StringDecoder} from 'node:string_decoder';
import jsyaml from 'js-yaml';

const [file, format] = process.argv.slice(2);
const json = format === 'json';
// Where one item ends and the next begins, and how the last one ends.
const between = json ? '\n        },\n        {\n' : '\n- ';
const parse = json ? text => JSON.parse(`{${text}}`) : text => jsyaml.load(`- ${text}`);

const fd = openSync(file, 'r');
const buffer = Buffer.allocUnsafe(16 << 20);
const decoder = new StringDecoder('utf8');
let carry = '';
let items = 0;
let started = false;
for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
	carry += decoder.write(buffer.subarray(0, read));
	if (!started) {
		const open = json ? carry.indexOf('"items": [\n        {\n') : carry.indexOf('\nitems:\n- ');
		if (open === -1) continue;
		carry = carry.slice(open + (json ? '"items": [\n        {\n'.length : '\nitems:\n- '.length));
		started = true;
	}
	let at = carry.indexOf(between);
	let from = 0;
	while (at !== -1) {
		parse(carry.slice(from, at));
		items++;
		from = at + between.length;
		at = carry.indexOf(between, from);
	}
	carry = carry.slice(from);
}
closeSync(fd);
// The last item: up to the end of the items list.
const end = json ? carry.indexOf('\n        }\n    ]') : carry.search(/\n(?:kind|metadata):/);
if (started && end !== -1) {
	parse(carry.slice(0, end));
	items++;
}
process.stdout.write(`${items}\n`);
