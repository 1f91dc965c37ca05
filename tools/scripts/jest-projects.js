// Finds the per-project jest configs (Node 20 has no fs.globSync).
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..', '..');

/** `<dir>/<project>/<file>` for dirs apps, libs, tools, excluding names in `skip`. */
function jestProjects(file, skip = []) {
  return ['apps', 'libs', 'tools']
    .flatMap((dir) =>
      fs.existsSync(path.join(root, dir))
        ? fs.readdirSync(path.join(root, dir)).map((p) => `${dir}/${p}`)
        : [],
    )
    .filter((p) => !skip.includes(p) && fs.existsSync(path.join(root, p, file)))
    .map((p) => path.join(root, p, file));
}

module.exports = { jestProjects };
