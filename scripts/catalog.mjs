#!/usr/bin/env node
// `npm run catalog -- validate|apply|export`: builds the api (cached by Nx) and runs its catalog command.
import { runApiCommand } from './api-command.mjs';

runApiCommand('catalog');
