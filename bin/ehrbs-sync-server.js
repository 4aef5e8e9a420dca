#!/usr/bin/env node
// `ehrbs-sync-server`: the sync server (see docs/sync-protocol.md).
import { register } from 'tsx/esm/api';

register();
await import('../sync-server/src/cli/main.ts');
