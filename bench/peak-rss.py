#!/usr/bin/env python3
"""Run a command and write its peak RSS in KB to OUT_FILE (npm run bench, when GNU time is absent).

Usage: peak-rss.py OUT_FILE CMD ARGS...   Exits with the command's exit code.
VmHWM is the process's own high-water mark, so polling only has to catch it before it exits.
"""
import os
import subprocess
import sys
import time

out, cmd = sys.argv[1], sys.argv[2:]
child = subprocess.Popen(cmd)
peak = 0
while child.poll() is None:
	try:
		with open(f'/proc/{child.pid}/status') as status:
			for line in status:
				if line.startswith('VmHWM:'):
					peak = max(peak, int(line.split()[1]))
	except OSError:
		pass
	time.sleep(0.005)
with open(out, 'w') as f:
	f.write(f'{peak}\n')
sys.exit(child.returncode)
