import { posix } from 'node:path';

// custom-elements.json, from the components' JSDoc: the API that Storybook's Docs pages and
// editors show, and from which scripts/widget-registry.js writes the widget registry
// (src/generated/widgets.ts). Only the public API: private and protected members are left out.

/** A literal's value, or `undefined` when the expression is not one. */
function literalValue(ts, node) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (
    ts.isPrefixUnaryExpression(node) &&
    node.operator === ts.SyntaxKind.MinusToken &&
    ts.isNumericLiteral(node.operand)
  )
    return -Number(node.operand.text);
  return undefined;
}

/** A value as the analyzer writes a default: source text (`'list'`, `5`, `false`). */
const asSource = (value) =>
  typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : `${value}`;

/**
 * Attributes and fields as the element means them, not as its source spells them: a type alias
 * of string literals becomes its union (`NewsLayout` → `'list' | 'cards'`), a default given by a
 * module-level constant becomes that constant's value (`DEFAULT_TIMEOUT` → `10000`), with its
 * type when the field has none. What the docs show and what the registry reads are values.
 */
function resolveTypesAndDefaults() {
  /** module path → constant's name → its value */
  let constants;
  /** module path → type alias's name → its union, as source text */
  let unions;
  /** module path → local name → { path, name } */
  let imported;
  const table = (map, path) => map.get(path) ?? map.set(path, new Map()).get(path);

  /** What `name` stands for in `map` as seen from the module at `path`, following imports. */
  function lookup(map, path, name, depth = 0) {
    if (map.get(path)?.has(name)) return map.get(path).get(name);
    const from = imported.get(path)?.get(name);
    return from && depth < 8 ? lookup(map, from.path, from.name, depth + 1) : undefined;
  }

  return {
    name: 'resolve-types-and-defaults',
    initialize() {
      constants = new Map();
      unions = new Map();
      imported = new Map();
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isSourceFile(node)) return;
      const path = moduleDoc.path;
      for (const statement of node.statements) {
        if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
          const specifier = statement.moduleSpecifier.text;
          const bindings = statement.importClause?.namedBindings;
          if (!specifier.startsWith('.') || !bindings || !ts.isNamedImports(bindings)) continue;
          const from = posix
            .normalize(posix.join(posix.dirname(path), specifier))
            .replace(/\.js$/, '.ts');
          for (const element of bindings.elements)
            table(imported, path).set(element.name.text, {
              path: from,
              name: (element.propertyName ?? element.name).text,
            });
        } else if (
          ts.isVariableStatement(statement) &&
          statement.declarationList.flags & ts.NodeFlags.Const
        ) {
          for (const declaration of statement.declarationList.declarations) {
            const value =
              declaration.initializer && ts.isIdentifier(declaration.name)
                ? literalValue(ts, declaration.initializer)
                : undefined;
            if (value !== undefined) table(constants, path).set(declaration.name.text, value);
          }
        } else if (ts.isTypeAliasDeclaration(statement)) {
          const type = statement.type;
          const members = ts.isUnionTypeNode(type) ? type.types : [type];
          const values = members.map((member) =>
            ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal)
              ? member.literal.text
              : undefined,
          );
          if (values.every((v) => v !== undefined))
            table(unions, path).set(statement.name.text, values.map(asSource).join(' | '));
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          for (const item of [...(declaration.attributes ?? []), ...(declaration.members ?? [])]) {
            // An inherited item was written in its base class's module.
            const path = (item.inheritedFrom?.module ?? mod.path).replace(/^\//, '');
            const union = item.type && lookup(unions, path, item.type.text);
            if (union) item.type = { text: union };
            const value = item.default && lookup(constants, path, item.default);
            if (value !== undefined) {
              item.default = asSource(value);
              item.type ??= { text: typeof value };
            }
          }
        }
      }
    },
  };
}

/**
 * A widget's title, from its class's `@title` tag: a few words for whoever chooses it — the
 * configurator's list, the iframe snippet's `title` (the frame's accessible name).
 */
function widgetTitles() {
  return {
    name: 'widget-titles',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const tag = ts.getJSDocTags(node).find((t) => t.tagName.text === 'title');
      const title = tag && ts.getTextOfJSDocComment(tag.comment)?.trim();
      const declaration = moduleDoc.declarations.find((d) => d.name === node.name.text);
      if (title && declaration) declaration.title = title;
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  // src/react/ is written from this manifest (scripts/framework-types.js): not a part of it.
  exclude: [
    'src/**/test/**',
    'src/**/*.test.ts',
    'src/generated/**',
    'src/types/**',
    'src/react/**',
  ],
  litelement: true,
  // package.json names the manifest already; and a test analyzing the source writes nothing.
  packagejson: false,
  plugins: [
    resolveTypesAndDefaults(),
    widgetTitles(),
    {
      name: 'public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules) {
          for (const declaration of mod.declarations ?? []) {
            if (declaration.members) {
              declaration.members = declaration.members.filter(
                (m) => !m.privacy || m.privacy === 'public',
              );
            }
          }
        }
      },
    },
  ],
};
