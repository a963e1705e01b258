#!/usr/bin/env python3
"""Drive a TUI in a real pseudo-terminal and time its frames (npm run bench; bench/run.ts).

Usage: pty-probe.py CONFIG_JSON

CONFIG_JSON (a string): {
  "cmd": [...], "cwd": "...", "env": {...}, "cols": 160, "rows": 50,
  "ready": ["marker", ...],      # the first full frame contains all of these (ANSI stripped)
  "timeout": 60,                 # seconds for the first frame
  "settle": 0.6,                 # seconds to let the app run before the first key
  "keys": [                      # in order; a step without "sig" is set-up, not measured
    {"name": "pick", "key": "jj"},                                  # press, let it draw
    {"name": "pick", "seek": {"want": " Running ", "avoid": "Terminating", "keys": ["j", "k"]}},
    {"name": "move", "key": "j", "count": 30, "sig": "cursor", "between": "k"},
    {"name": "kill", "key": "x", "count": 30, "sig": "bottom", "seek": {...}},
  ],
  "pause": 0.12,                 # seconds between presses (plus 0-100 ms of jitter, so presses
                                 # land at every phase of the app's 250 ms clock redraw)
  "quit": "q",
  "dump": "/path/dir"            # optional: the text of a few measured frames, for debugging
}
"between" is pressed (unmeasured) after each measured press; "seek" moves the cursor until the
row under it contains "want" and not "avoid" (used to kill a Running pod each time).

Prints one JSON object: {"firstFrameMs": n, "keys": {"name": [ms, ...]}, "misses": {...},
"firstFrameRssKb": n, "peakRssKb": n, "exit": code}: peak RSS (VmHWM) at the first frame and
after the keys.

Frames: Ink writes each frame in one write() wrapped in the synchronized-output brackets
ESC[?2026h ... ESC[?2026l, so a frame is complete at the closing bracket (or, for a terminal
that gets no brackets, after 5 ms of quiet). Key latency is the time from writing the key to the
end of the first frame that shows the key's effect: the app redraws on its own clock tick too
(the header's t= changes every 250 ms), so frames are told apart by a signature of what the key
changes: the cursor rows (move), the bottom line (palette, kill), the Pods pane title (scale),
the request counts (request).
"""
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time

BSU = b'\x1b[?2026h'
ESU = b'\x1b[?2026l'
ANSI = re.compile(r'\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][A-Za-z0-9]|\x1b[=>78]')
AGE = re.compile(r'\b(?:\d+[smhd])+\b|t=\d+:\d+(?:\.\d+)?|\b\d+(?:\.\d+)?ms\b')
QUIET = 0.005

config = json.loads(sys.argv[1])
cols, rows = config.get('cols', 160), config.get('rows', 50)


def spawn():
	pid, fd = pty.fork()
	if pid == 0:
		env = {k: v for k, v in os.environ.items() if k != 'CI' and not k.startswith('CI_')}
		env.update(config.get('env', {}))
		env.setdefault('TERM', 'xterm-256color')
		env['COLUMNS'] = str(cols)
		env['LINES'] = str(rows)
		if config.get('cwd'):
			os.chdir(config['cwd'])
		try:
			os.execvpe(config['cmd'][0], config['cmd'], env)
		finally:
			os._exit(127)
	fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', rows, cols, 0, 0))
	return pid, fd


class Screen:
	"""Collects output; hands back complete frames with the time their last byte arrived."""

	def __init__(self, fd):
		self.fd = fd
		self.buf = b''
		self.synced = False
		self.eof = False
		self.last = None  # the text of the newest complete frame

	def read_frames(self, deadline):
		"""Block until at least one frame completes (or the deadline); return [(t, text)]."""
		out = []
		while not out:
			now = time.perf_counter()
			if now >= deadline or self.eof:
				return out
			wait = deadline - now
			# Unbracketed output: a frame is whatever arrived before 5 ms of quiet.
			if self.buf and not self.synced:
				wait = min(wait, QUIET)
			ready, _, _ = select.select([self.fd], [], [], wait)
			if not ready:
				if self.buf and not self.synced:
					out.append((time.perf_counter(), self.buf))
					self.buf = b''
				continue
			try:
				data = os.read(self.fd, 1 << 16)
			except OSError:
				data = b''
			t = time.perf_counter()
			if not data:
				self.eof = True
				return out
			self.buf += data
			if BSU in self.buf:
				self.synced = True
			while ESU in self.buf:
				frame, _, self.buf = self.buf.partition(ESU)
				out.append((t, frame))
		for i, (t, raw) in enumerate(out):
			out[i] = (t, text_of(raw))
		self.last = out[-1][1]
		return out


def text_of(raw):
	# Keep only what follows the last full-screen clear: that is the frame.
	for clear in (b'\x1b[2J\x1b[3J\x1b[H', b'\x1b[2J'):
		if clear in raw:
			raw = raw.rsplit(clear, 1)[1]
			break
	text = ANSI.sub('', raw.decode('utf-8', 'replace'))
	return text.replace('\r\n', '\n').replace('\r', '')


def lines(text):
	return text.split('\n')


def sig(kind, text):
	ls = lines(text)
	if kind == 'cursor':
		return tuple(l.split('›', 1)[1].split()[0] if l.split('›', 1)[1].split() else '' for l in ls if '›' in l)
	if kind == 'bottom':
		# The status / palette line sits above the hint line (last non-empty line).
		filled = [l for l in ls if l.strip()]
		return filled[-2].strip() if len(filled) >= 2 else ''
	if kind == 'podsTitle':
		return tuple(l for l in ls if 'Pods' in l and ('╭' in l or '┌' in l))
	if kind == 'requests':
		# Everything but the clock and ages: the request log and counters change with one request.
		return AGE.sub('#', '\n'.join(l for l in ls[1:]))
	if kind == 'any':
		return AGE.sub('#', text)
	raise ValueError(kind)


def main():
	started = time.perf_counter()
	pid, fd = spawn()
	screen = Screen(fd)
	result = {'firstFrameMs': None, 'keys': {}, 'misses': {}, 'exit': None}
	dump = config.get('dump')
	if dump:
		os.makedirs(dump, exist_ok=True)
	try:
		deadline = started + config.get('timeout', 60)
		ready = config.get('ready', [])
		while result['firstFrameMs'] is None:
			frames = screen.read_frames(deadline)
			if not frames:
				raise TimeoutError('no first frame')
			for t, text in frames:
				if all(m in text for m in ready):
					result['firstFrameMs'] = (t - started) * 1000
					result['firstFrameRssKb'] = peak_rss_kb(pid)
					break
		if dump:
			open(os.path.join(dump, 'first.txt'), 'w').write(screen.last)
		# Let the app finish starting (late effects, the first clock ticks).
		drain(screen, config.get('settle', 0.6))
		jitter = 0
		for spec in config.get('keys', []):
			name, key, kind = spec['name'], spec.get('key'), spec.get('sig')
			if not kind:  # set-up: press keys (focus a pane) or seek a row, let the frames come
				if key:
					os.write(fd, key.encode())
					drain(screen, config.get('pause', 0.12) * 2)
				if spec.get('seek'):
					seek(fd, screen, spec['seek'])
				continue
			times, misses = [], 0
			for i in range(spec.get('count', 30)):
				before = sig(kind, screen.last)
				t0 = time.perf_counter()
				os.write(fd, key.encode())
				got = None
				limit = t0 + spec.get('timeout', 5)
				while got is None:
					frames = screen.read_frames(limit)
					if not frames:
						break
					for t, text in frames:
						if sig(kind, text) != before:
							got = t
							if dump and i < 3:
								open(os.path.join(dump, f'{name}-{i}.txt'), 'w').write(text)
							break
				if got is None:
					misses += 1
				else:
					times.append((got - t0) * 1000)
				# Pauses of varying length, so presses meet the 250 ms tick at every phase.
				jitter = (jitter + 37) % 101
				drain(screen, config.get('pause', 0.12) + jitter / 1000)
				if spec.get('between'):
					# Undo the press, and wait until the screen shows it undone, so the next press
					# starts from the frame it will be compared with.
					os.write(fd, spec['between'].encode())
					back = time.perf_counter() + 3
					while sig(kind, screen.last) != before and time.perf_counter() < back and not screen.eof:
						screen.read_frames(back)
					drain(screen, config.get('pause', 0.12))
				if spec.get('seek'):
					seek(fd, screen, spec['seek'])
			result['keys'][name] = times
			result['misses'][name] = misses
		result['peakRssKb'] = peak_rss_kb(pid)
		os.write(fd, config.get('quit', 'q').encode())
		result['exit'] = wait_exit(pid, screen, 10)
	except Exception as error:  # report, and never leave the child running
		result['error'] = str(error)
		result['exit'] = wait_exit(pid, screen, 0)
	print(json.dumps(result))


def cursor_row(text):
	"""The row under the rightmost pane's cursor (the Pods pane, when it has the focus)."""
	rows = [l.rsplit('›', 1)[1] for l in lines(text) if '›' in l]
	return rows[-1] if rows else ''


def seek(fd, screen, spec):
	"""Move the cursor (first key, or the second once the first stops moving it) until the row
	under it contains spec['want'] and not spec['avoid']: the next pod to kill is a Running one."""
	keys = spec.get('keys', ['j', 'k'])
	direction = 0
	for _ in range(spec.get('tries', 20)):
		row = cursor_row(screen.last)
		if spec['want'] in row and spec.get('avoid', '\0') not in row:
			return
		os.write(fd, keys[direction].encode())
		drain(screen, 0.1)
		if cursor_row(screen.last) == row:
			direction = 1 - direction


def peak_rss_kb(pid):
	try:
		for line in open(f'/proc/{pid}/status'):
			if line.startswith('VmHWM:'):
				return int(line.split()[1])
	except OSError:
		return None
	return None


def drain(screen, seconds):
	end = time.perf_counter() + seconds
	while time.perf_counter() < end and not screen.eof:
		screen.read_frames(end)


def wait_exit(pid, screen, seconds):
	end = time.perf_counter() + seconds
	while True:
		done, status = os.waitpid(pid, os.WNOHANG)
		if done:
			return os.waitstatus_to_exitcode(status)
		if time.perf_counter() >= end:
			break
		drain(screen, 0.05)
	for sig_, grace in ((signal.SIGTERM, 2), (signal.SIGKILL, 2)):
		try:
			os.kill(pid, sig_)
		except ProcessLookupError:
			pass
		end = time.perf_counter() + grace
		while time.perf_counter() < end:
			done, status = os.waitpid(pid, os.WNOHANG)
			if done:
				return 'killed' if sig_ == signal.SIGKILL else 'terminated'
			drain(screen, 0.05)
	return 'stuck'


main()
