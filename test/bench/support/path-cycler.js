// autocannon setupRequest for worker mode (a file, since functions cannot cross into a worker):
// each request takes the next path of the JSON list in the file named by BENCH_PATHS_FILE.
const { readFileSync } = require('node:fs');

const lists = new Map();
let next = 0;

module.exports = function setupRequest(request) {
  const file = process.env.BENCH_PATHS_FILE;
  let paths = lists.get(file);
  if (!paths) {
    paths = JSON.parse(readFileSync(file, 'utf8'));
    lists.set(file, paths);
    next = 0;
  }
  return { ...request, path: paths[next++ % paths.length] };
};
