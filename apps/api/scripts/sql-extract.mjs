// Finds the SQL a TypeScript file of the api sends, for apps/api/scripts/sql-snapshots.mjs: statements
// headed by the `Class.method` (or function, or constant) that holds them, as text and `${…}`
// placeholders; TypeORM entity-API calls as their source text. No type checking: syntax only, so the
// same source always gives the same statements.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

/** Calls whose first argument is SQL text. */
const SQL_CALLS = new Set(['query', 'copyFrom', 'copyTo']);
/** Whatever a call on one of these is named (`this.db.one(…)`, `tx.many(…)`), a first argument that reads as SQL is a statement. */
const DATABASE_RECEIVERS = /^(db|database|dataSource|manager|entityManager|client|pool|tx|transaction|source|reads)$/;
/** TypeORM entity-API methods (a Repository, an EntityManager or a query builder): their SQL is built at run time. */
const TYPEORM_CALLS = new Set([
  'find',
  'findBy',
  'findOne',
  'findOneBy',
  'findOneOrFail',
  'findOneByOrFail',
  'findAndCount',
  'findAndCountBy',
  'count',
  'countBy',
  'exist',
  'exists',
  'existsBy',
  'sum',
  'average',
  'minimum',
  'maximum',
  'save',
  'insert',
  'update',
  'upsert',
  'delete',
  'remove',
  'softDelete',
  'restore',
  'increment',
  'decrement',
  'createQueryBuilder',
]);
/** A string that reads as a SQL statement or clause (our SQL writes its keywords in capitals). */
const SQL_LOOK =
  /^\s*\(?\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM|WITH|COPY|CREATE|ALTER|DROP|LOCK TABLE|TRUNCATE|GRANT|REVOKE|SET|RESET|VACUUM|ANALYZE|NOTIFY|LISTEN|UNLISTEN|DO|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|EXPLAIN)\b|\b(SELECT|FROM|WHERE|JOIN|GROUP BY|ORDER BY|ON CONFLICT|RETURNING|VALUES)\b[\s\S]*\b(FROM|WHERE|AND|OR|SET|LIMIT|RETURNING|BY)\b/;

const parsed = new Map();
function sourceFile(path) {
  if (!parsed.has(path)) {
    parsed.set(path, existsSync(path) ? ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) : null);
  }
  return parsed.get(path);
}

// ---------------------------------------------------------------- following SQL text

/** The text of `node` as SQL, with `${…}` placeholders for what is computed at run time. */
class SqlText {
  constructor() {
    this.parts = [];
    /** String literals that this text includes (they are not listed again on their own). */
    this.consumed = new Set();
  }
  text(value) {
    this.parts.push({ text: value });
  }
  dynamic(node) {
    this.parts.push({ dynamic: node.getText().replace(/\s+/g, ' ') });
  }
  get onlyDynamic() {
    return this.parts.every((part) => part.dynamic !== undefined || part.text.trim() === '');
  }
}

function unwrap(node) {
  while (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isNonNullExpression(node) || ts.isTypeAssertionExpression(node)) {
    node = node.expression;
  }
  return node;
}

/**
 * Appends the SQL text of `node` to `out`. `env` maps the parameters of a function being inlined to
 * the arguments of its call (each followed where the call is).
 */
function follow(node, out, depth = 0, env = new Map()) {
  node = unwrap(node);
  if (depth > 20) {
    out.dynamic(node);
  } else if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
    out.consumed.add(node);
    out.text(node.text);
  } else if (ts.isTemplateExpression(node)) {
    out.consumed.add(node);
    out.text(node.head.text);
    for (const span of node.templateSpans) {
      follow(span.expression, out, depth + 1, env);
      out.text(span.literal.text);
    }
  } else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    follow(node.left, out, depth + 1, env);
    follow(node.right, out, depth + 1, env);
  } else if (ts.isTaggedTemplateExpression(node)) {
    follow(node.template, out, depth + 1, env);
  } else {
    followReference(node, out, depth, env);
  }
}

/** A parameter of an inlined function, a constant, or a call to a function that returns SQL text. */
function followReference(node, out, depth, env) {
  const bound = ts.isIdentifier(node) ? env.get(node.text) : undefined;
  if (bound) {
    follow(bound.node, out, depth + 1, bound.env);
    return;
  }
  const constant = constantValue(node);
  const target = textual(constant);
  const inlined = target ? undefined : inlineCall(node, env);
  if (constant && isChoiceOfTexts(unwrap(constant))) {
    out.dynamic(unwrap(constant));
  } else if (target) {
    follow(target, out, depth + 1);
  } else if (inlined) {
    follow(inlined.body, out, depth + 1, inlined.env);
  } else {
    out.dynamic(node);
  }
}

/** `node` if it is written SQL text (a literal, a template, a sum, a call that may be inlined); a computed value stays a placeholder. */
function textual(node) {
  const inner = node && unwrap(node);
  const written =
    inner &&
    (isLiteral(inner) || (ts.isCallExpression(inner) && inlineCall(inner, new Map())) || (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken));
  return written ? inner : undefined;
}

/** `cond ? 'WHERE …' : ''`: shown as written, in the place of the constant that holds it. */
function isChoiceOfTexts(node) {
  return ts.isConditionalExpression(node) && isLiteral(unwrap(node.whenTrue)) && isLiteral(unwrap(node.whenFalse));
}

/** `returning(sql, 'id')` or `this.where(…)`: a function of this file (or an imported constant one) whose body is one returned expression. */
function inlineCall(node, env) {
  if (!ts.isCallExpression(node)) {
    return undefined;
  }
  const callee = unwrap(node.expression);
  let fn;
  if (ts.isIdentifier(callee)) {
    fn = constInitializer(callee, callee.text) ?? functionDeclaration(callee);
  } else if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    fn = classOf(callee)?.members.find((m) => ts.isMethodDeclaration(m) && m.name.getText() === callee.name.text);
  }
  const body = fn && returnedExpression(fn);
  if (!body) {
    return undefined;
  }
  const bindings = new Map();
  fn.parameters.forEach((parameter, index) => {
    if (ts.isIdentifier(parameter.name) && node.arguments[index]) {
      bindings.set(parameter.name.text, { node: node.arguments[index], env });
    }
  });
  return { body, env: bindings };
}

function functionDeclaration(identifier) {
  for (let scope = identifier.parent; scope; scope = scope.parent) {
    if (ts.isSourceFile(scope)) {
      return scope.statements.find((s) => ts.isFunctionDeclaration(s) && s.name?.text === identifier.text);
    }
  }
  return undefined;
}

function returnedExpression(fn) {
  if (!(ts.isArrowFunction(fn) || ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) || !fn.body) {
    return undefined;
  }
  if (!ts.isBlock(fn.body)) {
    return fn.body;
  }
  const [only] = fn.body.statements;
  return fn.body.statements.length === 1 && ts.isReturnStatement(only) && only.expression ? only.expression : undefined;
}

/** The initializer of the `const` that `node` (an identifier or `CONST.property`) names, if it is text or an object of texts. */
function constantValue(node) {
  if (ts.isIdentifier(node)) {
    return constInitializer(node, node.text);
  }
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) {
    const object = constantValue(unwrap(node.expression));
    const literal = object && unwrap(object);
    if (literal && ts.isObjectLiteralExpression(literal)) {
      const property = literal.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText() === node.name.text);
      return property?.initializer;
    }
  }
  return undefined;
}

function constInitializer(from, name) {
  for (let scope = from.parent; scope; scope = scope.parent) {
    if (ts.isFunctionLike(scope) && scope.parameters.some((p) => ts.isIdentifier(p.name) && p.name.text === name)) {
      return undefined; // a parameter, computed by the caller
    }
    const statements = ts.isBlock(scope) || ts.isSourceFile(scope) || ts.isModuleBlock(scope) ? scope.statements : [];
    for (const statement of statements) {
      const found = constIn(statement, name) ?? importedConst(statement, name, scope);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

function constIn(statement, name) {
  if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) {
    return undefined;
  }
  const declaration = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
  return declaration?.initializer;
}

function importedConst(statement, name, scope) {
  if (!ts.isSourceFile(scope) || !ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) {
    return undefined;
  }
  const specifier = statement.moduleSpecifier.text;
  const bindings = statement.importClause?.namedBindings;
  if (!specifier.startsWith('.') || !bindings || !ts.isNamedImports(bindings)) {
    return undefined;
  }
  const element = bindings.elements.find((e) => e.name.text === name);
  if (!element) {
    return undefined;
  }
  const file = sourceFile(resolve(dirname(scope.fileName), specifier.replace(/\.js$/, '.ts')));
  const exported = (element.propertyName ?? element.name).text;
  for (const candidate of file?.statements ?? []) {
    const found = constIn(candidate, exported) ?? (ts.isFunctionDeclaration(candidate) && candidate.name?.text === exported ? candidate : undefined);
    if (found) {
      return found;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- where a statement is

/** `Class.method`, `function`, `CONSTANT.property`: the named place that holds `node`. */
function headingOf(node) {
  const names = [];
  for (let at = node.parent; at; at = at.parent) {
    const name = nameOf(at);
    if (name !== undefined) {
      names.unshift(name);
    }
    if (ts.isClassLike(at) || (ts.isSourceFile(at.parent ?? at) && !ts.isSourceFile(at))) {
      break;
    }
  }
  return names.join('.') || '(module)';
}

function nameOf(node) {
  const named =
    ts.isClassLike(node) || ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isGetAccessor(node) || ts.isSetAccessor(node) || ts.isPropertyDeclaration(node);
  if (named && node.name) {
    return node.name.getText();
  }
  if (ts.isConstructorDeclaration(node)) {
    return 'constructor';
  }
  if ((ts.isVariableDeclaration(node) || ts.isPropertyAssignment(node)) && !isInsideFunction(node)) {
    return node.name.getText();
  }
  return undefined;
}

function isInsideFunction(node) {
  for (let at = node.parent; at && !ts.isSourceFile(at); at = at.parent) {
    if (ts.isFunctionLike(at)) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------- one file

function calledName(call) {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) {
    return callee.name.text;
  }
  return ts.isIdentifier(callee) ? callee.text : undefined;
}

/** Query-builder steps: once a chain starts at a TypeORM repository, every step of it is part of the statement. */
const BUILDER_CALLS =
  /^(select|addSelect|from|where|andWhere|orWhere|(inner|left)Join(AndSelect)?|orderBy|addOrderBy|groupBy|addGroupBy|having|andHaving|limit|offset|take|skip|setParameters?|values|set|orUpdate|orIgnore|returning|get(Many|One|OneOrFail|Count|ManyAndCount|RawMany|RawOne|RawAndEntities|Exists)|execute)$/;

/** A TypeORM call (`this.teams.find(…)`, `manager.getRepository(X).save(…)`, a query builder's steps); not an array's `find`. */
function isTypeOrmCall(call) {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || !(TYPEORM_CALLS.has(callee.name.text) || BUILDER_CALLS.test(callee.name.text))) {
    return false;
  }
  return isTypeOrmReceiver(callee.expression, 0);
}

function isTypeOrmReceiver(expression, depth) {
  const node = unwrap(expression);
  if (depth > 10) {
    return false;
  }
  if (/getRepository\(|createQueryBuilder\(/.test(node.getText())) {
    return true;
  }
  if (ts.isIdentifier(node)) {
    const initializer = constInitializer(node, node.text);
    return /^(manager|entityManager|em)$/.test(node.text) || (initializer !== undefined && isTypeOrmReceiver(initializer, depth + 1));
  }
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const member = classOf(node)?.members.find((m) => m.name?.getText() === node.name.text);
    return member !== undefined && /getRepository\(|@InjectRepository|@InjectEntityManager/.test(member.getText());
  }
  return false;
}

function classOf(node) {
  let at = node.parent;
  while (at && !ts.isClassLike(at)) {
    at = at.parent;
  }
  return at;
}

function statementsOf(file) {
  const found = [];
  const consumed = new Set();
  const insideTypeOrm = new Set();
  const calls = (node) => {
    if (ts.isCallExpression(node)) {
      visitCall(node, found, consumed, insideTypeOrm);
    }
    ts.forEachChild(node, calls);
  };
  const literals = (node, pieces) => {
    if (isLiteral(node) && !consumed.has(node) && !ts.isImportDeclaration(node.parent) && !insideTypeOrm.has(node)) {
      visitLiteral(node, found, consumed, pieces);
    }
    ts.forEachChild(node, (child) => literals(child, pieces));
  };
  calls(file);
  literals(file, false);
  if (found.length > 0) {
    // A file that holds SQL: pieces of conditions too (`d.status = ?`), which statements put together at run time.
    literals(file, true);
  }
  return found.sort((a, b) => a.at - b.at);
}

function isLiteral(node) {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node);
}

/** `x.db` → db, `this.reads.source()` → source: the last name of what a method is called on. */
function receiverName(call) {
  const callee = call.expression;
  let receiver = ts.isPropertyAccessExpression(callee) ? unwrap(callee.expression) : undefined;
  if (receiver && ts.isCallExpression(receiver)) {
    receiver = receiver.expression;
  }
  if (receiver && ts.isPropertyAccessExpression(receiver)) {
    return receiver.name.text;
  }
  return receiver && ts.isIdentifier(receiver) ? receiver.text : undefined;
}

function visitCall(call, found, consumed, insideTypeOrm) {
  const statement = sqlStatement(call);
  if (statement) {
    statement.consumed.forEach((node) => consumed.add(node));
    found.push({ at: call.getStart(), heading: headingOf(call), parts: statement.parts });
  } else if (!insideTypeOrm.has(call) && isTypeOrmCall(call)) {
    let outer = call;
    while (ts.isPropertyAccessExpression(outer.parent) && ts.isCallExpression(outer.parent.parent)) {
      outer = outer.parent.parent;
    }
    markInside(outer, insideTypeOrm);
    found.push({ at: outer.getStart(), heading: headingOf(outer), typeorm: outer.getText().replace(/\s*\n\s*/g, '\n  ') });
  }
}

/** The SQL that `call` sends: `x.query(sql)`, `copyFrom(sql)`, or SQL text given to any method of a database handle. */
function sqlStatement(call) {
  const named = SQL_CALLS.has(calledName(call));
  if (call.arguments.length === 0 || !(named || DATABASE_RECEIVERS.test(receiverName(call) ?? ''))) {
    return undefined;
  }
  const out = new SqlText();
  follow(call.arguments[0], out);
  const sql = named || SQL_LOOK.test(out.parts.map((part) => part.text ?? '').join(' '));
  return sql && !out.onlyDynamic ? out : undefined;
}

function markInside(node, set) {
  set.add(node);
  ts.forEachChild(node, (child) => markInside(child, set));
}

/** A piece of a condition or a column list (`r.status = ?`, `$1::text[]`, `x IS NULL`), in a file that holds SQL. */
const FRAGMENT_LOOK = /\w\s+(=|<>|!=|<=|>=|<|>)\s+(\?|\$|\w)|::\w|\bIS (NOT )?NULL\b|= ANY\s*\(|\b(AND|OR|NOT|IN|EXISTS|COALESCE|DISTINCT)\b/;

function visitLiteral(node, found, consumed, pieces) {
  const out = new SqlText();
  follow(node, out);
  const text = out.parts.map((part) => part.text ?? '').join(' ');
  const fragment = pieces && FRAGMENT_LOOK.test(text);
  // A bare keyword or a list of them ('AND', 'SELECT, INSERT') is a piece too small to review on its own.
  if ((SQL_LOOK.test(text) || fragment) && !/^[\sA-Z,()]*$/.test(text)) {
    out.consumed.forEach((n) => consumed.add(n));
    found.push({ at: node.getStart(), heading: headingOf(node), parts: out.parts, fragment: true });
  }
}

// ---------------------------------------------------------------- the files

/**
 * The statements of each file in `paths` (in source order; files without SQL are left out). A
 * statement is `{ heading, parts }` (parts: `{ text }` or `{ dynamic }`, a placeholder's source),
 * with `fragment: true` for a piece that is not sent alone, or `{ heading, typeorm }`.
 */
export function extractStatements(paths) {
  parsed.clear();
  const statements = new Map();
  for (const path of paths) {
    const found = statementsOf(sourceFile(path));
    if (found.length > 0) {
      statements.set(path, found);
    }
  }
  return statements;
}
