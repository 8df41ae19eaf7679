// The flags every start of the api passes to Node (npm start, the benchmarks, the container image's CMD,
// which repeats them). Measured with `npm run bench:ingest` (bench/ingest/README.md, step 3).
//
// Under ingest load the api's heap held 230 MiB of which 85 MiB were live: a request's parsed events,
// patches, query parameters and results live as long as the request waits for PostgreSQL, so they
// outlive the young generation and die in the old one, and V8 lets the old generation grow up to
// several times its live size before it marks again. Only when garbage is collected changes:
// --max-semi-space-size=8    young generation of 8 MiB semi-spaces, not the size V8 derives from
//                            the machine's memory (larger on a server);
// --heap-growing-percent=50  the next full collection when the heap has grown by half of what was
//                            live after the last one, instead of V8's factor of up to 4.
// Peak resident memory through the benchmark's eight concurrent batches of 1,000 events: 390 → 200 MiB.
export const API_NODE_FLAGS = ['--max-semi-space-size=8', '--heap-growing-percent=50'];
