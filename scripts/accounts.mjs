#!/usr/bin/env node
// `npm run accounts -- add|disable|list`: builds the api (cached by Nx) and runs its accounts command.
import { runApiCommand } from './api-command.mjs';

runApiCommand('accounts');
