/**
 * `npm run api:docs-check` (run by `npm test`): every declaration a user of `token.js` or `@tokenjs/emulator`
 * can reach has JSDoc. Reachable means exported from a package entry point, a member of such a declaration
 * (interface and class members, the properties of object types written inline, e.g. an option whose value is
 * `{ ... }`, enum members), or a declaration of ours that a reachable type names without exporting it (the
 * user still sees it in their editor). Private, `#private`, protected and `@internal` members are skipped,
 * and so are constructors; a class member that overrides a documented one inherits its comment, as it
 * does in editors. It reads the TypeScript program directly (a few seconds) instead of building TypeDoc's
 * reference (`npm run docs:api`), which also reports every row of the inferred model tables.
 */
import { dirname, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

/** A declaration a user can reach that has no JSDoc. */
export interface Undocumented {
  /** Path relative to the root given to {@link findUndocumented}, with a 1-based line. */
  where: string
  /** Dotted name as a user reads it: `ClientOptions.maxRetries`, `APIError.name`. */
  name: string
  /** TypeScript syntax kind of the declaration, e.g. `PropertySignature`. */
  kind: string
}

/**
 * Lists the undocumented reachable declarations of the given entry points, sorted by place. Only
 * declarations in files under one of `ownedFolders` count (types from `openai`, Node or the DOM are not ours
 * to document).
 */
export function findUndocumented(root: string, entryFiles: string[], ownedFolders: string[]): Undocumented[] {
  const program = ts.createProgram(
    entryFiles.map((entry) => resolve(root, entry)),
    { strict: true, exactOptionalPropertyTypes: true, noEmit: true, module: ts.ModuleKind.NodeNext },
  )
  const checker = program.getTypeChecker()
  const owned = ownedFolders.map((folder) => `${resolve(root, folder)}/`)
  const isOwned = (node: ts.Node): boolean => {
    const file = node.getSourceFile().fileName
    return owned.some((folder) => file.startsWith(folder)) && !file.includes('/node_modules/')
  }
  const found = new Map<string, Undocumented>()
  const visited = new Set<ts.Node>()
  const queue: { node: ts.Node; name: string }[] = []

  function report(node: ts.Node, name: string): void {
    const source = node.getSourceFile()
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
    const where = `${relative(root, source.fileName)}:${line}`
    found.set(`${where} ${name}`, { where, name, kind: ts.SyntaxKind[node.kind] })
  }

  function enqueueSymbol(symbol: ts.Symbol, name: string): void {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol
    for (const declaration of target.declarations ?? []) {
      if (isOwned(declaration) && !visited.has(declaration)) queue.push({ node: declaration, name })
    }
  }

  for (const entry of entryFiles) {
    const source = program.getSourceFile(resolve(root, entry))
    const module = source && checker.getSymbolAtLocation(source)
    if (module === undefined) throw new Error(`api-docs-check: cannot read ${entry} as a module`)
    for (const exported of checker.getExportsOfModule(module)) enqueueSymbol(exported, exported.name)
  }
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (visited.has(next.node)) continue
    visited.add(next.node)
    checkDeclaration(next.node, next.name)
  }
  return [...found.values()].sort((a, b) => a.where.localeCompare(b.where, 'en', { numeric: true }))

  function checkDeclaration(node: ts.Node, name: string): void {
    // An exported symbol with several declarations (overloads, a class merged with a namespace) is
    // documented when one of them is.
    const symbol = declaredSymbol(node)
    const documented =
      hasDoc(node) || (symbol?.declarations ?? []).some((each) => each !== node && isOwned(each) && hasDoc(each))
    if (!documented && !isInternal(node)) report(node, name)
    if (isInternal(node)) return
    if (ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node)) {
      node.heritageClauses?.forEach((clause) => clause.types.forEach(followTypeNames))
      node.typeParameters?.forEach(followTypeNames)
      for (const member of node.members) checkMember(member, name)
    } else if (ts.isEnumDeclaration(node)) {
      for (const member of node.members) {
        if (!hasDoc(member)) report(member, `${name}.${member.name.getText()}`)
      }
    } else if (ts.isTypeAliasDeclaration(node)) {
      node.typeParameters?.forEach(followTypeNames)
      checkTypeNode(node.type, name)
    } else if (ts.isFunctionDeclaration(node)) {
      checkSignature(node, name)
    } else if (ts.isVariableDeclaration(node)) {
      // A table written as an object literal (`mistralModels`) is data: its rows follow the exported row
      // type, which is checked on its own. Only an annotation is followed.
      if (node.type) checkTypeNode(node.type, name)
      else followInferred(checker.getTypeAtLocation(node))
    }
  }

  function checkMember(member: ts.ClassElement | ts.TypeElement, owner: string): void {
    if (ts.isConstructorDeclaration(member)) return checkSignature(member, owner)
    if (ts.isClassStaticBlockDeclaration(member) || ts.isIndexSignatureDeclaration(member)) return
    if (ts.isCallSignatureDeclaration(member) || ts.isConstructSignatureDeclaration(member)) {
      if (!hasDoc(member) && !isInternal(member)) report(member, `${owner}()`)
      return checkSignature(member, owner)
    }
    if (member.name === undefined || ts.isPrivateIdentifier(member.name)) return
    const modifiers = ts.canHaveModifiers(member) ? (ts.getModifiers(member) ?? []) : []
    if (modifiers.some((m) => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword))
      return
    if (isInternal(member)) return
    const name = `${owner}.${member.name.getText()}`
    if (!hasDoc(member) && !inheritsDoc(member)) report(member, name)
    if (ts.isPropertySignature(member) || ts.isPropertyDeclaration(member)) {
      if (member.type) checkTypeNode(member.type, name)
    } else if (
      ts.isMethodSignature(member) ||
      ts.isMethodDeclaration(member) ||
      ts.isGetAccessorDeclaration(member) ||
      ts.isSetAccessorDeclaration(member)
    ) {
      checkSignature(member, name)
    }
  }

  function checkSignature(node: ts.SignatureDeclaration, name: string): void {
    node.typeParameters?.forEach(followTypeNames)
    for (const parameter of node.parameters) {
      // An options bag written inline is documented property by property, like an interface's.
      if (parameter.type) checkTypeNode(parameter.type, `${name}(${parameter.name.getText()})`)
    }
    if (node.type) checkTypeNode(node.type, name)
    else {
      const signature = checker.getSignatureFromDeclaration(node)
      if (signature) followInferred(checker.getReturnTypeOfSignature(signature))
    }
  }

  /** Checks the members of object types written inline in `type`, and follows the names it uses. */
  function checkTypeNode(type: ts.TypeNode, name: string): void {
    const visit = (node: ts.Node, path: string): void => {
      if (ts.isTypeLiteralNode(node)) {
        for (const member of node.members) checkMember(member, path)
        return
      }
      // `T extends { stream: true } ? A : B` matches a shape; its pattern is not a type anyone writes.
      if (ts.isConditionalTypeNode(node)) {
        followTypeNames(node.extendsType)
        for (const branch of [node.checkType, node.trueType, node.falseType]) visit(branch, path)
        return
      }
      if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node) || ts.isTypeQueryNode(node)) {
        follow(node)
      }
      // So is the second argument of `Extract<T, { operation: O }>` and `Exclude<...>`.
      if (ts.isTypeReferenceNode(node) && /^(Extract|Exclude)$/.test(node.typeName.getText())) {
        const [from, pattern] = node.typeArguments ?? []
        if (from) visit(from, path)
        if (pattern) followTypeNames(pattern)
        return
      }
      ts.forEachChild(node, (child) => {
        visit(child, path)
      })
    }
    visit(type, name)
  }

  /** Queues the declarations of ours that `node` names (type references, `typeof x`), exported or not. */
  function followTypeNames(node: ts.Node): void {
    if (ts.isTypeReferenceNode(node) || ts.isExpressionWithTypeArguments(node) || ts.isTypeQueryNode(node)) {
      follow(node)
    }
    ts.forEachChild(node, followTypeNames)
  }

  function follow(node: ts.TypeReferenceNode | ts.ExpressionWithTypeArguments | ts.TypeQueryNode): void {
    const target = ts.isTypeReferenceNode(node)
      ? node.typeName
      : ts.isTypeQueryNode(node)
        ? node.exprName
        : node.expression
    const symbol = checker.getSymbolAtLocation(target)
    // A type parameter is documented (or not) with its declaration's generic, as TypeDoc does.
    if (symbol && !(symbol.flags & ts.SymbolFlags.TypeParameter)) enqueueSymbol(symbol, target.getText())
  }

  /** Queues the declaration of an inferred type when it is ours (a function with no return annotation). */
  function followInferred(type: ts.Type): void {
    for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
      if (symbol === undefined || symbol.flags & ts.SymbolFlags.TypeLiteral) continue
      if (symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class | ts.SymbolFlags.TypeAlias))
        enqueueSymbol(symbol, symbol.name)
    }
  }

  function declaredSymbol(node: ts.Node): ts.Symbol | undefined {
    const name = (node as ts.NamedDeclaration).name
    return name ? checker.getSymbolAtLocation(name) : undefined
  }

  /** A class member overriding or implementing a documented member reads that member's comment. */
  function inheritsDoc(member: ts.Node): boolean {
    if (!ts.isClassElement(member)) return false
    const symbol = declaredSymbol(member)
    return symbol !== undefined && ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== ''
  }
}

/**
 * JSDoc with a summary (a comment of only tags such as `@default` does not say what the thing is). A comment
 * a blank line above is not the declaration's: TypeScript attaches a file's opening comment to its first
 * statement, and that comment describes the file.
 */
function hasDoc(node: ts.Node): boolean {
  const host = ts.isVariableDeclaration(node) ? node.parent.parent : node
  const text = host.getSourceFile().text
  return ts
    .getJSDocCommentsAndTags(host)
    .some(
      (doc) =>
        ts.isJSDoc(doc) &&
        commentText(doc.comment) !== '' &&
        !/\n[ \t]*\r?\n/.test(text.slice(doc.end, host.getStart())),
    )
}

function isInternal(node: ts.Node): boolean {
  const host = ts.isVariableDeclaration(node) ? node.parent.parent : node
  return ts.getJSDocTags(host).some((tag) => tag.tagName.text === 'internal')
}

function commentText(comment: ts.JSDoc['comment']): string {
  if (comment === undefined) return ''
  return (typeof comment === 'string' ? comment : comment.map((part) => part.text).join('')).trim()
}

/** The published packages whose surface is checked: entry point, and the folder whose declarations are theirs. */
const packages: Readonly<Record<string, { entry: string; folder: string }>> = {
  'token.js': { entry: 'src/index.ts', folder: 'src' },
  '@tokenjs/emulator': { entry: 'packages/emulator/src/index.ts', folder: 'packages/emulator/src' },
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now()
  const checked = Object.values(packages)
  const gaps = findUndocumented(
    root,
    checked.map((each) => each.entry),
    checked.map((each) => each.folder),
  )
  for (const gap of gaps) console.error(`${gap.where}  ${gap.name}  (${gap.kind})`)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const names = Object.keys(packages).join(', ')
  if (gaps.length > 0) {
    console.error(
      `api:docs-check: ${gaps.length} public declaration${gaps.length === 1 ? '' : 's'} of ${names} without JSDoc ` +
        `(${seconds} s). Document each: what it does or is for, its default and unit where it has one.`,
    )
    process.exitCode = 1
  } else {
    console.log(`api:docs-check: every public declaration of ${names} has JSDoc (${seconds} s).`)
  }
}
