// The keyboard when standard input holds the manifests (`kubectl get … -o json | k8s-svc-tui -`):
// the controlling terminal itself, opened as less and fzf open it. Undefined where there is none
// (a cron job, a container without a TTY); the caller then says the TUI needs a terminal.

import fs from 'node:fs';
import tty from 'node:tty';

export function terminalKeyboard(): tty.ReadStream | undefined {
	try {
		const fd = fs.openSync('/dev/tty', 'r');
		if (!tty.isatty(fd)) {
			fs.closeSync(fd);
			return undefined;
		}
		return new tty.ReadStream(fd);
	} catch {
		return undefined;
	}
}
