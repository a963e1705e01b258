#!/usr/bin/env node
// Completion for `kubectl svcsim`: kubectl 1.26+ runs kubectl_complete-svcsim with the words after
// `svcsim` (the last one the word being completed) and reads candidates, one a line, then
// `:<directive>` (kubectl pkg/cmd/plugin/plugin_completion.go). It loads only the completion code
// (its own entry of the bundle, scripts/bundle.mjs), not the simulator: it runs on every tab.
import {fileURLToPath} from 'node:url';
import {printCompletion} from '../dist/completion.js';

printCompletion('kubectl-svcsim', process.argv.slice(2), fileURLToPath(new URL('../samples/', import.meta.url)));
