import test from 'ava';
import {chalkLevel, chooseColour} from '../../source/cli/colour.js';

const tty = (env: Record<string, string>, noColorFlag = false) => chooseColour({noColorFlag, env, isTTY: true});

test('a terminal with nothing said gets colour', t => {
	t.deepEqual(tty({TERM: 'xterm-256color'}), {colour: true, attributes: true});
});

test('NO_COLOR (set, not empty) turns colour off and keeps bold and inverse (no-color.org)', t => {
	t.deepEqual(tty({NO_COLOR: '1', TERM: 'xterm'}), {colour: false, attributes: true});
	t.deepEqual(tty({NO_COLOR: '', TERM: 'xterm'}), {colour: true, attributes: true}, 'an empty NO_COLOR says nothing');
});

test('--no-color is NO_COLOR as a flag, and beats FORCE_COLOR', t => {
	t.deepEqual(tty({TERM: 'xterm'}, true), {colour: false, attributes: true});
	t.deepEqual(tty({TERM: 'xterm', FORCE_COLOR: '3'}, true), {colour: false, attributes: true});
});

test('FORCE_COLOR beats NO_COLOR and TERM=dumb; FORCE_COLOR=0 or false is plain text', t => {
	t.deepEqual(tty({NO_COLOR: '1', FORCE_COLOR: '1'}), {colour: true, attributes: true});
	t.deepEqual(tty({TERM: 'dumb', FORCE_COLOR: ''}), {colour: true, attributes: true});
	t.deepEqual(tty({TERM: 'xterm', FORCE_COLOR: '0'}), {colour: false, attributes: false});
	t.deepEqual(tty({TERM: 'xterm', FORCE_COLOR: 'false'}), {colour: false, attributes: false});
});

test('TERM=dumb and a standard output that is not a terminal get plain text', t => {
	t.deepEqual(tty({TERM: 'dumb'}), {colour: false, attributes: false});
	t.deepEqual(chooseColour({noColorFlag: false, env: {TERM: 'xterm'}, isTTY: false}), {colour: false, attributes: false});
});

test('chalkLevel: what chalk must read so that bold and inverse follow the choice (it reads argv --no-color itself)', t => {
	t.is(chalkLevel({colour: false, attributes: true}, {}), '1', '--no-color: chalk would drop inverse too');
	t.is(chalkLevel({colour: false, attributes: false}, {}), '0');
	t.is(chalkLevel({colour: true, attributes: true}, {}), undefined, "the terminal's own depth");
	t.is(chalkLevel({colour: true, attributes: true}, {FORCE_COLOR: '3'}), '3');
});
