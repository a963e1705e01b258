// The floor for "first frame": a bare Ink app that prints one line and quits on q. Written as the
// JavaScript tsc emits for a .tsx file (react/jsx-runtime), so it runs exactly as dist/cli.js
// does: plain node, NODE_ENV=production.

import {render, Text, useApp, useInput} from 'ink';
import {jsx as _jsx} from 'react/jsx-runtime';

function Bare() {
	const {exit} = useApp();
	useInput(input => {
		if (input === 'q') exit();
	});
	return _jsx(Text, {children: 'bare Ink app: one line'});
}

render(_jsx(Bare, {}), {exitOnCtrlC: false});
