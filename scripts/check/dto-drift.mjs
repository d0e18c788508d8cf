#!/usr/bin/env node
// @ts-check
/**
 * dto-drift: the Apex DTOs the controller returns and the TypeScript types the components read
 * them as must agree, property for property. Aura gives no error when they drift: a renamed Apex
 * property simply never arrives, and the component reads `undefined`.
 *
 * For each pair in {@link DTO_PAIRS} (an Apex class holding the DTOs as inner classes, and the LWC
 * module exporting their TypeScript types), every inner class of the Apex class is matched with the
 * exported interface or type alias of the same name (re-exports followed, so `MapPerson` may live in
 * another module), and each `@AuraEnabled` instance property with the TypeScript property of the
 * same name. The Apex side is read with @apexdevtools/apex-parser, the TypeScript side with the
 * TypeScript compiler's type checker (aliases, unions and re-exports resolved as tsc sees them).
 *
 * Types correspond as follows:
 *
 *   Apex                                  TypeScript
 *   String, Id, Date, Datetime            string, or a union of string literals
 *   Boolean                               boolean
 *   Integer, Long, Decimal, Double        number (or number literals)
 *   List<X>, Set<X>, X[]                  X[], readonly X[], Array<X>
 *   an inner class of the DTO class       the interface (or object type alias) of that name
 *
 * Optionality and nullability: an Apex property whose doc comment says `@required` is always set,
 * so TypeScript declares it required and not null (`id: string`). Any other Apex property may be
 * null, and Aura drops null properties from the JSON, so TypeScript must allow it to be missing
 * (`title?: string | null`; `fromId: string | null` is accepted too: consumers test `== null`).
 *
 * Rules (rule id: what is a finding):
 * - dto-missing-file: the Apex class or the TypeScript module of a pair is not in the project.
 * - dto-parse: the Apex class does not parse, or the TypeScript module imports a module tsc cannot find.
 * - dto-missing-type: an Apex DTO class has no exported TypeScript type of the same name.
 * - dto-missing-in-ts: an @AuraEnabled Apex property has no TypeScript property (reported on Apex).
 * - dto-missing-in-apex: a TypeScript property has no @AuraEnabled Apex property (reported on TS).
 * - dto-name-case: the names differ only in case (the JSON key is the Apex spelling).
 * - dto-type: the types differ (kind, list vs single, or a different DTO).
 * - dto-nullability: `@required` in Apex but optional or nullable in TypeScript, or the reverse.
 * - dto-unsupported-type: an Apex property type with no TypeScript counterpart above (Object, Map,
 *   an sObject): Aura serialises those loosely; use a DTO instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { runAsCli, sourceFiles } from './lib/common.mjs';
import { lower, parseApex, positionOf } from './lib/apex-parse.mjs';

/** @typedef {import('./lib/common.mjs').Finding} Finding */
/** @typedef {import('./lib/common.mjs').StageResult} StageResult */
/** @typedef {import('./lib/apex-parse.mjs').ParsedApex} ParsedApex */
/** @typedef {import('@apexdevtools/apex-parser').TypeRefContext} TypeRefContext */
/** @typedef {import('@apexdevtools/apex-parser').ClassDeclarationContext} ClassDeclarationContext */
/** @typedef {import('@apexdevtools/apex-parser').ClassBodyDeclarationContext} ClassBodyDeclarationContext */

/**
 * @typedef {object} DtoPair
 * @property {string} apexClass name of the Apex class whose inner classes are the DTOs
 * @property {string} tsModule name of the LWC module (`lwc/<name>/<name>.ts`) exporting their types
 */

/** The DTO classes of this project and the modules that type them. */
/** @type {DtoPair[]} */
export const DTO_PAIRS = [{ apexClass: 'RelationshipMapDtos', tsModule: 'relationshipMapApi' }];

/**
 * A type reduced to what both languages share.
 * @typedef {{ kind: 'string' | 'number' | 'boolean' }
 *   | { kind: 'list', of: DtoType }
 *   | { kind: 'ref', name: string }
 *   | { kind: 'unsupported', text: string }} DtoType
 */

/**
 * @typedef {object} ApexProperty
 * @property {string} name
 * @property {DtoType} type
 * @property {string} typeText as written
 * @property {boolean} required its doc comment says `@required`
 * @property {number} line
 * @property {number} column
 */

/**
 * @typedef {object} ApexDto
 * @property {string} name
 * @property {number} line
 * @property {number} column
 * @property {ApexProperty[]} properties
 */

/**
 * @typedef {object} TsProperty
 * @property {string} name
 * @property {DtoType} type
 * @property {string} typeText as tsc prints it
 * @property {boolean} optional declared with `?`
 * @property {boolean} nullable its type includes null
 * @property {string} file
 * @property {number} line
 * @property {number} column
 */

/**
 * @typedef {object} TsDto
 * @property {string} name
 * @property {string} file
 * @property {number} line
 * @property {TsProperty[]} properties
 */

const STRING_TYPES = new Set(['string', 'id', 'date', 'datetime']);
const NUMBER_TYPES = new Set(['integer', 'long', 'decimal', 'double']);

// ---------------------------------------------------------------------------------------------
// Apex side
// ---------------------------------------------------------------------------------------------

/**
 * The DTO type of an Apex type reference.
 * @param {TypeRefContext} typeRef
 * @param {Set<string>} dtoNames lower-cased inner class names
 * @returns {DtoType}
 */
export function apexType(typeRef, dtoNames) {
  const names = typeRef.typeName_list();
  const last = names[names.length - 1];
  /** @type {DtoType} */
  let type;
  const args = last.typeArguments()?.typeList()?.typeRef_list() ?? [];
  if ((last.LIST() || last.SET()) && args.length === 1) {
    type = { kind: 'list', of: apexType(args[0], dtoNames) };
  } else if (last.MAP() || !last.id()) {
    type = { kind: 'unsupported', text: typeRef.getText() };
  } else {
    const name = last.id().getText();
    const key = name.toLowerCase();
    if (names.length === 1 && STRING_TYPES.has(key)) type = { kind: 'string' };
    else if (names.length === 1 && NUMBER_TYPES.has(key)) type = { kind: 'number' };
    else if (names.length === 1 && key === 'boolean') type = { kind: 'boolean' };
    else if (dtoNames.has(key) && args.length === 0) type = { kind: 'ref', name };
    else type = { kind: 'unsupported', text: typeRef.getText() };
  }
  const dims = typeRef.arraySubscripts()?.LBRACK_list().length ?? 0;
  for (let i = 0; i < dims; i++) type = { kind: 'list', of: type };
  return type;
}

/**
 * The doc comment directly above a declaration (only blank lines or other comments between).
 * @param {ParsedApex} parsed
 * @param {number} line 1-based first line of the declaration (its annotations included)
 * @returns {string | undefined}
 */
function docCommentAbove(parsed, line) {
  for (let i = parsed.comments.length - 1; i >= 0; i--) {
    const c = parsed.comments[i];
    if (c.endLine >= line) continue;
    for (let l = c.endLine + 1; l < line; l++) if (parsed.codeLines.has(l)) return undefined;
    return c.text.startsWith('/**') ? c.text : undefined;
  }
  return undefined;
}

/**
 * The declaration's modifiers (annotations included).
 * @param {ClassBodyDeclarationContext} decl
 */
const modifiersOf = (decl) => decl.modifier_list();

/**
 * The DTO classes of one Apex file: its top-level class's inner classes and their @AuraEnabled
 * instance properties and fields.
 * @param {string} source
 * @returns {{ dtos: ApexDto[], errors: { line: number, column: number, message: string }[] }}
 */
export function readApexDtos(source) {
  const parsed = parseApex(source, 'class');
  if (parsed.errors.length) return { dtos: [], errors: parsed.errors };
  const unit = /** @type {import('@apexdevtools/apex-parser').CompilationUnitContext} */ (parsed.tree);
  const outer = unit.typeDeclaration()?.classDeclaration();
  if (!outer) return { dtos: [], errors: [] };
  /** @type {{ cls: ClassDeclarationContext }[]} */
  const inner = [];
  for (const decl of outer.classBody().classBodyDeclaration_list()) {
    const cls = decl.memberDeclaration()?.classDeclaration();
    if (cls) inner.push({ cls });
  }
  const dtoNames = new Set(inner.map(({ cls }) => lower(cls.id())));
  /** @type {ApexDto[]} */
  const dtos = [];
  for (const { cls } of inner) {
    /** @type {ApexProperty[]} */
    const properties = [];
    for (const decl of cls.classBody().classBodyDeclaration_list()) {
      const member = decl.memberDeclaration();
      if (!member) continue;
      const mods = modifiersOf(decl);
      const auraEnabled = mods.some((m) => lower(m.annotation()?.id()) === 'auraenabled');
      if (!auraEnabled || mods.some((m) => m.STATIC())) continue;
      const doc = docCommentAbove(parsed, decl.start.line);
      const required = !!doc && /@required\b/.test(doc);
      const property = member.propertyDeclaration();
      const field = member.fieldDeclaration();
      const typeRef = property?.typeRef() ?? field?.typeRef();
      if (!typeRef) continue;
      const ids = property
        ? [property.id()]
        : (field?.variableDeclarators().variableDeclarator_list() ?? []).map((v) => v.id());
      for (const id of ids) {
        properties.push({
          name: id.getText(),
          type: apexType(typeRef, dtoNames),
          typeText: typeRef.getText(),
          required,
          ...positionOf(id),
        });
      }
    }
    dtos.push({ name: cls.id().getText(), ...positionOf(cls.id()), properties });
  }
  return { dtos, errors: [] };
}

// ---------------------------------------------------------------------------------------------
// TypeScript side
// ---------------------------------------------------------------------------------------------

/**
 * Compiler options for the project: its tsconfig.json when there is one (paths resolve `c/...`).
 * @param {string} projectDir
 * @returns {{ options: ts.CompilerOptions, declarationFiles: string[] }}
 */
function projectCompilerOptions(projectDir) {
  const configFile = path.join(projectDir, 'tsconfig.json');
  /** @type {ts.CompilerOptions} */
  const defaults = { strict: true, target: ts.ScriptTarget.ESNext, module: ts.ModuleKind.ESNext, noEmit: true };
  if (!existsSync(configFile)) return { options: defaults, declarationFiles: [] };
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config ?? {}, ts.sys, projectDir);
  return {
    options: { ...parsed.options, noEmit: true },
    declarationFiles: parsed.fileNames.filter((f) => f.endsWith('.d.ts')),
  };
}

/**
 * @param {ts.TypeChecker} checker
 * @param {ts.Type} type
 * @returns {{ type: DtoType, nullable: boolean, undefinable: boolean }}
 */
function tsType(checker, type) {
  const parts = type.isUnion() ? type.types : [type];
  let nullable = false;
  let undefinable = false;
  /** @type {ts.Type[]} */
  const rest = [];
  for (const p of parts) {
    if (p.flags & ts.TypeFlags.Null) nullable = true;
    else if (p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) undefinable = true;
    else rest.push(p);
  }
  return { type: tsKind(checker, rest, type), nullable, undefinable };
}

/**
 * @param {ts.TypeChecker} checker
 * @param {ts.Type[]} parts the union members other than null and undefined
 * @param {ts.Type} whole for messages
 * @returns {DtoType}
 */
function tsKind(checker, parts, whole) {
  const all = (/** @type {number} */ flags) => parts.length > 0 && parts.every((p) => (p.flags & flags) !== 0);
  if (all(ts.TypeFlags.StringLike)) return { kind: 'string' };
  if (all(ts.TypeFlags.NumberLike)) return { kind: 'number' };
  if (all(ts.TypeFlags.BooleanLike)) return { kind: 'boolean' };
  if (parts.length === 1) {
    const [p] = parts;
    if (checker.isArrayType(p)) {
      const [element] = checker.getTypeArguments(/** @type {ts.TypeReference} */ (p));
      return { kind: 'list', of: element ? tsType(checker, element).type : { kind: 'unsupported', text: 'unknown' } };
    }
    const name = p.aliasSymbol?.name ?? p.getSymbol()?.name;
    if (p.flags & ts.TypeFlags.Object && name && name !== '__type' && name !== '__object') {
      return { kind: 'ref', name };
    }
  }
  return { kind: 'unsupported', text: checker.typeToString(whole) };
}

/**
 * The exported interfaces and object type aliases of a TypeScript module, re-exports followed.
 * @param {string} projectDir
 * @param {string} file absolute path of the module
 * @returns {{ dtos: Map<string, TsDto>, errors: { file: string, line: number, column: number, message: string }[] }}
 */
export function readTsDtos(projectDir, file) {
  const { options, declarationFiles } = projectCompilerOptions(projectDir);
  const program = ts.createProgram({ rootNames: [file, ...declarationFiles], options });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  /** @type {Map<string, TsDto>} */
  const dtos = new Map();
  /** @type {{ file: string, line: number, column: number, message: string }[]} */
  const errors = [];
  if (!source) return { dtos, errors: [{ file, line: 1, column: 1, message: 'tsc could not read this file' }] };
  for (const d of program.getSemanticDiagnostics(source)) {
    if (d.code !== 2307 || d.start === undefined) continue; // Cannot find module: the rest is typecheck's job
    const { line, character } = source.getLineAndCharacterOfPosition(d.start);
    errors.push({
      file,
      line: line + 1,
      column: character + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, ' ').replace(/\.$/, ''),
    });
  }
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) return { dtos, errors };
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias))) continue;
    const declaration = symbol.declarations?.[0];
    if (!declaration) continue;
    const type = checker.getDeclaredTypeOfSymbol(symbol);
    if (!(type.flags & ts.TypeFlags.Object)) continue; // unions and primitives are not DTOs
    const declFile = declaration.getSourceFile();
    const at = declFile.getLineAndCharacterOfPosition(declaration.getStart());
    /** @type {TsProperty[]} */
    const properties = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const propDecl = prop.valueDeclaration ?? prop.declarations?.[0];
      if (!propDecl) continue;
      const propType = checker.getTypeOfSymbolAtLocation(prop, propDecl);
      const { type: kind, nullable } = tsType(checker, propType);
      const propFile = propDecl.getSourceFile();
      const pos = propFile.getLineAndCharacterOfPosition(propDecl.getStart());
      properties.push({
        name: prop.getName(),
        type: kind,
        typeText: checker.typeToString(propType).replace(/ \| undefined$/, ''),
        optional: (prop.flags & ts.SymbolFlags.Optional) !== 0,
        nullable,
        file: propFile.fileName,
        line: pos.line + 1,
        column: pos.character + 1,
      });
    }
    dtos.set(exported.getName(), {
      name: exported.getName(),
      file: declFile.fileName,
      line: at.line + 1,
      properties,
    });
  }
  return { dtos, errors };
}

// ---------------------------------------------------------------------------------------------
// Comparison
// ---------------------------------------------------------------------------------------------

/**
 * A type in words, Apex-neutral: "string", "MapPerson[]".
 * @param {DtoType} type
 * @returns {string}
 */
export function describeType(type) {
  if (type.kind === 'list') return `${describeType(type.of)}[]`;
  if (type.kind === 'ref') return type.name;
  if (type.kind === 'unsupported') return type.text;
  return type.kind;
}

/**
 * Whether a type (or the element type of a list) has no TypeScript counterpart.
 * @param {DtoType} type
 * @returns {boolean}
 */
const isUnsupported = (type) => (type.kind === 'list' ? isUnsupported(type.of) : type.kind === 'unsupported');

/**
 * Why two types differ, or undefined when they correspond.
 * @param {DtoType} apex
 * @param {DtoType} tsSide
 * @returns {string | undefined}
 */
function typeDifference(apex, tsSide) {
  if (apex.kind === 'list' && tsSide.kind === 'list') return typeDifference(apex.of, tsSide.of);
  if (apex.kind === 'list') return 'Apex has a list, TypeScript a single value';
  if (tsSide.kind === 'list') return 'TypeScript has an array, Apex a single value';
  if (apex.kind === 'ref' && tsSide.kind === 'ref') {
    return apex.name === tsSide.name ? undefined : `Apex refers to ${apex.name}, TypeScript to ${tsSide.name}`;
  }
  if (apex.kind === tsSide.kind && apex.kind !== 'unsupported') return undefined;
  return 'the types differ';
}

/**
 * Compares one pair of files.
 * @param {string} projectDir
 * @param {string} apexFile
 * @param {string} tsFile
 * @returns {{ findings: Finding[], classes: number, properties: number }}
 */
export function compareFiles(projectDir, apexFile, tsFile) {
  /** @type {Finding[]} */
  const findings = [];
  const rel = (/** @type {string} */ f) => path.relative(projectDir, f).split(path.sep).join('/');
  const apex = readApexDtos(readFileSync(apexFile, 'utf8'));
  for (const e of apex.errors) {
    findings.push({
      file: apexFile,
      line: e.line,
      column: e.column,
      rule: 'dto-parse',
      message: `apex-parser cannot parse the DTO class (${e.message}), so its DTOs were not compared`,
    });
  }
  const tsSide = readTsDtos(projectDir, tsFile);
  for (const e of tsSide.errors) {
    findings.push({
      file: e.file,
      line: e.line,
      column: e.column,
      rule: 'dto-parse',
      message: `${e.message}: types from that module cannot be compared`,
    });
  }
  let properties = 0;
  for (const dto of apex.dtos) {
    const tsDto = tsSide.dtos.get(dto.name);
    if (!tsDto) {
      findings.push({
        file: apexFile,
        line: dto.line,
        column: dto.column,
        rule: 'dto-missing-type',
        message: `Apex DTO ${dto.name} has no exported TypeScript interface or type ${dto.name} in ${rel(tsFile)}: export one with the same properties (or re-export it)`,
      });
      continue;
    }
    const tsByName = new Map(tsDto.properties.map((p) => [p.name, p]));
    const matched = new Set();
    for (const ap of dto.properties) {
      properties++;
      const where = `${dto.name}.${ap.name}`;
      let tp = tsByName.get(ap.name);
      if (!tp) {
        tp = tsDto.properties.find((p) => p.name.toLowerCase() === ap.name.toLowerCase());
        if (tp) {
          matched.add(tp.name);
          findings.push({
            file: tp.file,
            line: tp.line,
            column: tp.column,
            rule: 'dto-name-case',
            message: `${dto.name}.${tp.name} differs from the Apex property ${ap.name} (${rel(apexFile)}:${ap.line}) only in case; the JSON key is the Apex spelling, so the component reads undefined: rename it ${ap.name}`,
          });
        } else {
          findings.push({
            file: apexFile,
            line: ap.line,
            column: ap.column,
            rule: 'dto-missing-in-ts',
            message: `${where} (${ap.typeText}) is missing from the TypeScript ${dto.name} (${rel(tsDto.file)}:${tsDto.line}): add it there, or remove it from Apex`,
          });
        }
        continue;
      }
      matched.add(tp.name);
      const at = `TypeScript ${rel(tp.file)}:${tp.line}`;
      if (isUnsupported(ap.type)) {
        findings.push({
          file: apexFile,
          line: ap.line,
          column: ap.column,
          rule: 'dto-unsupported-type',
          message: `${where} is ${ap.typeText}, which has no TypeScript counterpart here (use String, Id, Date, Datetime, Boolean, Integer, Decimal, a List of those, or a DTO of ${rel(apexFile)})`,
        });
        continue;
      }
      const difference = typeDifference(ap.type, tp.type);
      if (difference) {
        findings.push({
          file: apexFile,
          line: ap.line,
          column: ap.column,
          rule: 'dto-type',
          message: `${where}: ${difference} (Apex ${ap.typeText} is ${describeType(ap.type)} in TypeScript; ${at} declares ${tp.typeText}): make the two agree`,
        });
        continue;
      }
      const tsRequired = !tp.optional && !tp.nullable;
      if (ap.required && !tsRequired) {
        findings.push({
          file: tp.file,
          line: tp.line,
          column: tp.column,
          rule: 'dto-nullability',
          message: `${where} is @required in Apex (${rel(apexFile)}:${ap.line}: always set), but TypeScript declares it ${tp.optional ? 'optional' : 'nullable'} (${tp.typeText}): make it required and not null, or drop @required in Apex`,
        });
      } else if (!ap.required && tsRequired) {
        findings.push({
          file: tp.file,
          line: tp.line,
          column: tp.column,
          rule: 'dto-nullability',
          message: `${where} may be null in Apex (${rel(apexFile)}:${ap.line}; Aura then leaves it out of the JSON), but TypeScript declares it required: write \`${tp.name}?: ${tp.typeText} | null\`, or mark the Apex property @required and always set it`,
        });
      }
    }
    for (const tp of tsDto.properties) {
      if (matched.has(tp.name)) continue;
      findings.push({
        file: tp.file,
        line: tp.line,
        column: tp.column,
        rule: 'dto-missing-in-apex',
        message: `${dto.name}.${tp.name} (${tp.typeText}) has no @AuraEnabled property in the Apex ${dto.name} (${rel(apexFile)}:${dto.line}), so it never arrives: add it to Apex, or remove it from TypeScript`,
      });
    }
  }
  return { findings, classes: apex.dtos.length, properties };
}

/**
 * @param {string} projectDir
 * @param {DtoPair[]} [pairs]
 * @returns {Promise<StageResult>}
 */
export async function check(projectDir, pairs = DTO_PAIRS) {
  /** @type {Finding[]} */
  const findings = [];
  const files = sourceFiles(projectDir, (f) => f.endsWith('.cls') || f.endsWith('.ts'));
  const parts = [];
  for (const pair of pairs) {
    const apexFile = files.find((f) => path.basename(f) === `${pair.apexClass}.cls`);
    const tsFile = files.find(
      (f) =>
        path.basename(f) === `${pair.tsModule}.ts` &&
        path.basename(path.dirname(f)) === pair.tsModule &&
        path.basename(path.dirname(path.dirname(f))) === 'lwc'
    );
    if (!apexFile || !tsFile) {
      findings.push({
        file: '.',
        rule: 'dto-missing-file',
        message: `${!apexFile ? `Apex class ${pair.apexClass}.cls` : `LWC module lwc/${pair.tsModule}/${pair.tsModule}.ts`} not found in the package directories: the DTO pair ${pair.apexClass} ↔ ${pair.tsModule} cannot be compared (update DTO_PAIRS in scripts/check/dto-drift.mjs if it moved)`,
      });
      continue;
    }
    const result = compareFiles(projectDir, apexFile, tsFile);
    findings.push(...result.findings);
    parts.push(`${pair.apexClass} ↔ ${pair.tsModule}: ${result.classes} DTO classes, ${result.properties} properties`);
  }
  findings.sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0)
  );
  return { findings, summary: parts.length ? parts.join('; ') : 'no DTO pair found' };
}

runAsCli(import.meta.url, check);
