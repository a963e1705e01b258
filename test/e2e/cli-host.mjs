// One node process that runs the real binary (dist/cli.js) many times, for the bad-input corpus:
// starting node and loading the CLI's modules is about 0.3 s of CPU a run, and the corpus makes
// about 180 runs. Plain node, no loader, as the binary runs. test/e2e/bad-input.test.ts starts it
// with a fresh `NO_COLOR=1` environment and stdin on /dev/null, sends {id, args, cwd} over IPC, one
// run at a time, and kills it when a run hangs.
//
// Each run is what `node dist/cli.js ARGS` in CWD does: a fresh instance of cli.js (imported
// again under a new query, so its main() runs again with this argv) while its dependencies stay
// loaded. Its stdout and stderr are captured; its exit code is the process.exitCode cli.js sets
// when main() settles. Anything a run leaves behind that would keep the real process from exiting
// (a timer, an open handle) is reported as `lingering`; the test counts that as a hang. A run that
// ends the process (process.exit, an uncaught exception) ends this host too, and the test reads
// its exit code and stderr.

import {setImmediate as nextTurn} from 'node:timers/promises';

const CLI = new URL('../../dist/cli.js', import.meta.url);
// process.stdout and stderr open their pipes when first used: here, not during the first run.
const streams = [process.stdout, process.stderr];

/** Active resources by type (Timeout, FSReqCallback, …): what keeps the event loop alive. */
function resources() {
	const count = new Map();
	for (const type of process.getActiveResourcesInfo()) count.set(type, (count.get(type) ?? 0) + 1);
	return count;
}

/** Capture a stream's writes; returns the text and a function that puts the stream back. */
function capture(stream) {
	const chunks = [];
	const write = stream.write;
	const listeners = stream.listeners('error');
	stream.write = (chunk, encoding, callback) => {
		chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8'));
		const done = typeof encoding === 'function' ? encoding : callback;
		if (done) process.nextTick(done);
		return true;
	};
	return () => {
		stream.write = write;
		// cli.js adds an EPIPE handler at each import: keep only the host's own.
		for (const listener of stream.listeners('error')) if (!listeners.includes(listener)) stream.removeListener('error', listener);
		return chunks.join('');
	};
}

async function run({id, args, cwd}) {
	process.chdir(cwd);
	process.argv = [process.execPath, CLI.pathname, ...args];
	process.exitCode = undefined;
	const before = resources();
	const started = performance.now();
	const [stdout, stderr] = streams.map(capture);
	let code;
	let out;
	let err;
	try {
		await import(`${CLI.href}?run=${id}`);
		// main() is async: cli.js sets process.exitCode when it settles.
		while (process.exitCode === undefined) await nextTurn();
		code = process.exitCode;
	} finally {
		process.exitCode = undefined;
		out = stdout();
		err = stderr();
	}
	const ms = Math.round(performance.now() - started);
	// Give pending callbacks (a write's) their turn, then see what the run left behind.
	await nextTurn();
	const lingering = [];
	for (const [type, n] of resources()) if (n > (before.get(type) ?? 0)) lingering.push(type);
	return {id, code, stdout: out, stderr: err, ms, lingering};
}

process.on('message', request => {
	run(request).then(
		result => process.send(result),
		error => {
			// cli.js catches everything itself; a throw here is the host's own failure.
			process.stderr.write(`cli-host: ${error?.stack ?? error}\n`);
			process.exit(99);
		},
	);
});
