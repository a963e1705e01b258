import test from 'ava';
import {parseDuration} from '../../source/command/duration.js';

const reads = test.macro({
	exec(t, text: string, ms: number | null) {
		t.is(parseDuration(text), ms);
	},
	title: (provided, text, ms) => provided ?? `${JSON.stringify(text)} → ${ms === null ? 'invalid' : `${ms} ms`}`,
});

test(reads, '5s', 5000);
test(reads, '2m', 120_000);
test(reads, '1h', 3_600_000);
test(reads, '1m30s', 90_000);
test(reads, '500ms', 500);
test(reads, '1.5s', 1500);
test(reads, '.5h', 1_800_000);
test(reads, '5.s', 5000);
test(reads, '1h2m3s4ms', 3_723_004);
test(reads, '0', 0);
test(reads, '0s', 0);
test(reads, '+5s', 5000);
test(reads, '1500us', 2);
test(reads, '1500µs', 2);
test(reads, '2000000ns', 2);
test(reads, '10s10s', 20_000);
test(reads, '5x', null);
test(reads, '5', null);
test(reads, '', null);
test(reads, 's', null);
test(reads, '.s', null);
test(reads, '-5s', null);
test(reads, '5S', null);
test(reads, '1d', null);
test(reads, '5 s', null);
test(reads, '1m30', null);
test(reads, '99999999999999999999h', null);
