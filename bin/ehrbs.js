#!/usr/bin/env node
// `ehrbs`: the clinic store's command-line tool (see README).
import { register } from 'tsx/esm/api';

register();
await import('../electron/core/cli/main.ts');
