/**
 * NestJS 12 ships as ES modules. Node 20 can require() them, but Jest's module runtime cannot
 * (it needs Node 24.9+), so Jest turns those packages into CommonJS with Babel. Two things need
 * help on the way: `import.meta.url` (replaced by the file URL of __filename) and
 * `const require = createRequire(import.meta.url)`, which clashes with the CommonJS wrapper's own
 * `require` parameter (renamed), and `createRequire(…)`, which would load a second copy of a
 * package outside Jest's registry (class-validator's metadata would then be empty): Jest's own
 * `require` is used instead.
 */
module.exports = function esmToJestCommonJs({ types: t }) {
  return {
    name: 'esm-to-jest-commonjs',
    visitor: {
      Program(path) {
        if (path.scope.hasOwnBinding('require')) path.scope.rename('require', '__esmRequire');
      },
      CallExpression(path) {
        if (t.isIdentifier(path.node.callee, { name: 'createRequire' })) path.replaceWith(t.identifier('require'));
      },
      MetaProperty(path) {
        if (path.node.meta.name !== 'import' || path.node.property.name !== 'meta') return;
        const parent = path.parentPath;
        if (parent.isMemberExpression() && t.isIdentifier(parent.node.property, { name: 'url' })) {
          parent.replaceWithSourceString("require('node:url').pathToFileURL(__filename).href");
        } else {
          path.replaceWithSourceString("({ url: require('node:url').pathToFileURL(__filename).href })");
        }
      },
    },
  };
};
