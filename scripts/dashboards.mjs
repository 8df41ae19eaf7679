#!/usr/bin/env node
// `npm run dashboards -- validate|apply`: builds the api (cached by Nx) and runs its dashboards command.
import { runApiCommand } from './api-command.mjs';

runApiCommand('dashboards');
