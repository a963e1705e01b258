#!/usr/bin/env node
// `kubectl svcsim …`: kubectl runs the executable called kubectl-svcsim on PATH with the words
// after `svcsim` (a kubectl plugin). The program is dist/cli.js, which knows it is the plugin by
// this file's name in process.argv[1]: with no file it opens a snapshot of the cluster.
import '../dist/cli.js';
