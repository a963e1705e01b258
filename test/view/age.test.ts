import test from 'ava';
import {ageSince, formatAge} from '../../source/view/age.js';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

// docs/semantics.md S120: every boundary of apimachinery's HumanDuration.
const table: Array<[number, string]> = [
	[0, '0s'],
	[999, '0s'],
	[45 * S, '45s'],
	[95 * S, '95s'],
	[2 * M - 1, '119s'],
	[2 * M, '2m'],
	[2 * M + 3 * S, '2m3s'],
	[5 * M + 12 * S, '5m12s'],
	[7 * M, '7m'],
	[10 * M - 1, '9m59s'],
	[10 * M, '10m'],
	[62 * M, '62m'],
	[3 * H - 1, '179m'],
	[3 * H, '3h'],
	[3 * H + 30 * M, '3h30m'],
	[8 * H - 1, '7h59m'],
	[8 * H, '8h'],
	[48 * H - 1, '47h'],
	[48 * H, '2d'],
	[2 * D + 5 * H, '2d5h'],
	[3 * D, '3d'],
	[8 * D - 1, '7d23h'],
	[8 * D, '8d'],
	[12 * D, '12d'],
	[730 * D - 1, '729d'],
	[730 * D, '2y'],
	[740 * D, '2y10d'],
	[8 * 365 * D - 1, '7y364d'],
	[8 * 365 * D, '8y'],
	[20 * 365 * D, '20y'],
];

for (const [ms, expected] of table) {
	test(`formatAge(${ms}) is ${expected}`, t => {
		t.is(formatAge(ms), expected);
	});
}

test('up to 1 s in the future reads as now; more is <invalid>', t => {
	t.is(formatAge(-1), '0s');
	t.is(formatAge(-1000), '0s');
	// Go truncates toward zero: -1.999 s is still -1 s.
	t.is(formatAge(-1999), '0s');
	t.is(formatAge(-2000), '<invalid>');
	t.is(formatAge(-5 * M), '<invalid>');
});

test('ageSince measures from the whole second of the timestamp', t => {
	t.is(ageSince(10 * S, 0), '10s');
	// creationTimestamp 1.5 s is stored as 1 s.
	t.is(ageSince(10 * S, 1500), '9s');
	t.is(ageSince(10 * S + 999, 1500), '9s');
	// Timestamps before t=0 (from dumps) are negative virtual times.
	t.is(ageSince(0, -12 * D), '12d');
	t.is(ageSince(0, -500), '1s');
});
