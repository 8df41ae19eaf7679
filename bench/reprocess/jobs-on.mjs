// Preloaded into the api by run.mjs (`node --import`): bench/common's startApi runs the api with
// background jobs off (ROUNDHOUSE_JOBS=false), and reprocess dispatch is a background job (pg-boss).
// This turns them back on in the api's process before its configuration is read.
process.env.ROUNDHOUSE_JOBS = 'true';
