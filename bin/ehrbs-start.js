#!/usr/bin/env node
// `npm start` / `npm run web`: the desktop app, or the browser host where Electron cannot run.
import { register } from 'tsx/esm/api';

register();
await import('../electron/core/host/start.ts');
