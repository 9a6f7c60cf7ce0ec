#!/usr/bin/env node
// `npx kehoach …` from a clone: the CLI is TypeScript, so load it through tsx's loader (a dependency).
import { register } from 'tsx/esm/api';

register();
await import('../client/cli.ts');
