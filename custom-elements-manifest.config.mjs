/**
 * `cem analyze` (no flags needed) writes custom-elements.json: the published description of the
 * elements, and the source of Storybook's controls and docs tables.
 *
 * Over the bare CLI flags, the plugins below keep the manifest to the public API:
 * - private and protected members, anything tagged `@internal`, and declarations a module
 *   does not export are dropped (otherwise every timer and helper of a class shows up in IDEs
 *   and in Storybook's docs);
 * - a default written as a module constant (`minLength = DEFAULT_MIN_LENGTH`) is replaced by
 *   the constant's literal value (`15`), so the docs and the number control show a number;
 * - an attribute without a type takes its field's type (`min-length`: `number`).
 */
export default {
  globs: ['src/**/*.ts'],
  // serein/messages.js renders emails on servers: no element to describe.
  exclude: ['src/**/*.test.ts', 'src/**/*.types.ts', 'src/generated/**', 'src/messages.ts', 'src/messages/**'],
  outdir: '.',
  litelement: true,
  plugins: [publicApiOnly(), resolveConstantDefaults(), attributeTypesFromFields()],
};

function publicApiOnly() {
  const isPublic = (member) =>
    member.privacy !== 'private' &&
    member.privacy !== 'protected' &&
    !member.name?.startsWith('#') &&
    !/@internal\b/.test(member.description ?? '');
  return {
    name: 'serein-public-api-only',
    packageLinkPhase({customElementsManifest}) {
      for (const module of customElementsManifest.modules) {
        // A module's declarations are what it exports: a local variable is not API.
        const exported = new Set((module.exports ?? []).map((entry) => entry.declaration?.name));
        module.declarations = (module.declarations ?? []).filter(
          (declaration) => declaration.customElement || exported.has(declaration.name),
        );
        for (const declaration of module.declarations) {
          if (declaration.members) declaration.members = declaration.members.filter(isPublic);
        }
      }
    },
  };
}

function resolveConstantDefaults() {
  /** path → (name → literal text) for top-level `const NAME = <literal>` */
  const constants = new Map();
  return {
    name: 'serein-resolve-constant-defaults',
    analyzePhase({ts, node, moduleDoc}) {
      if (!ts.isVariableStatement(node) || node.parent?.kind !== ts.SyntaxKind.SourceFile) return;
      if (!(node.declarationList.flags & ts.NodeFlags.Const)) return;
      for (const declaration of node.declarationList.declarations) {
        const init = declaration.initializer;
        if (!ts.isIdentifier(declaration.name) || !init) continue;
        if (
          ts.isNumericLiteral(init) ||
          ts.isStringLiteral(init) ||
          init.kind === ts.SyntaxKind.TrueKeyword ||
          init.kind === ts.SyntaxKind.FalseKeyword
        ) {
          if (!constants.has(moduleDoc.path)) constants.set(moduleDoc.path, new Map());
          constants
            .get(moduleDoc.path)
            .set(declaration.name.text, ts.isStringLiteral(init) ? `'${init.text}'` : init.getText());
        }
      }
    },
    packageLinkPhase({customElementsManifest}) {
      for (const module of customElementsManifest.modules) {
        const values = constants.get(module.path);
        if (!values) continue;
        for (const declaration of module.declarations ?? []) {
          for (const item of [...(declaration.members ?? []), ...(declaration.attributes ?? [])]) {
            if (item.default && values.has(item.default)) item.default = values.get(item.default);
          }
        }
      }
    },
  };
}

function attributeTypesFromFields() {
  return {
    name: 'serein-attribute-types-from-fields',
    packageLinkPhase({customElementsManifest}) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          for (const attribute of declaration.attributes ?? []) {
            if (attribute.type || !attribute.fieldName) continue;
            const field = declaration.members?.find((member) => member.name === attribute.fieldName);
            if (field?.type) attribute.type = {...field.type};
          }
        }
      }
    },
  };
}
