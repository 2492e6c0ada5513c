#!/usr/bin/env node
// Builds the JVM programs the conformance suite runs (the aws-sdk-java-v2 and aws-sdk-kotlin
// process-adapter shims; Maven compiles the Kotlin one with the Kotlin Maven plugin) into .cache/java/<name>/ at the repository root, which git ignores: compiled classes,
// classpath.txt (the runtime class path Maven resolved) and java.args (that class path as a
// `java @java.args` argument file, so command lines stay short in reports). The jars
// themselves stay in the Maven local repository (~/.m2 by default), so they are downloaded
// once per machine.
//
// A build is skipped when nothing that goes into it changed: the stamp beside the output holds
// a sha256 over pom.xml, every file under src/, `java -version`, `mvn -version` and this
// script (it decides the layout of the output); a stamp hit also checks that every jar on the
// recorded class path is still there. The output is built under a temporary name and renamed
// into place, and the stamp is written last, so an interrupted or concurrent build never
// leaves a half-written program that looks current.
//
// Maven runs offline first (-o: no network when the local repository already holds
// everything) and online only when the offline run could not resolve an artifact (with an empty
// local repository, Maven cannot even map a goal prefix such as `dependency:` to its plugin).
//
// Command line: `node conformance/adapters/toolchains/java-build.mjs [project-dir [--name n]]`; without arguments it
// builds every program in KNOWN_PROGRAMS.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lastLines, shown } from './messages.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..', '..');
export const javaCacheDir = join(repoRoot, '.cache', 'java');

/** The programs `node conformance/adapters/toolchains/java-build.mjs` builds without arguments (e.g. to warm a CI cache). */
export const KNOWN_PROGRAMS = [
  { projectDir: 'conformance/adapters/shims/aws-sdk-java-v2', name: 'aws-sdk-java-v2-shim' },
  { projectDir: 'conformance/adapters/shims/aws-sdk-kotlin', name: 'aws-sdk-kotlin-shim' },
];

export class JavaBuildError extends Error {
  constructor(message) {
    super(message);
    this.name = 'JavaBuildError';
  }
}

/** The files whose content decides the program, relative to the project, sorted. */
function sourceFiles(projectDir) {
  const found = ['pom.xml'];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(relative(projectDir, path));
    }
  };
  if (existsSync(join(projectDir, 'src'))) walk(join(projectDir, 'src'));
  return found.sort();
}

function toolVersion(command, args, what, hint) {
  const probe = spawnSync(command, args, { encoding: 'utf8' });
  if (probe.error) throw new JavaBuildError(`${what} (\`${command}\`) was not found: ${probe.error.message}. ${hint}`);
  if (probe.status !== 0)
    throw new JavaBuildError(`\`${command} ${args.join(' ')}\` failed (exit ${probe.status}):\n${lastLines(`${probe.stdout}\n${probe.stderr}`)}`);
  // `java -version` writes to stderr; `mvn -version` to stdout.
  return lastLines(`${probe.stdout}\n${probe.stderr}`, 100).trim();
}

function javaMajor(versionText) {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionText);
  if (!match) return undefined;
  return match[1] === '1' ? Number(match[2]) : Number(match[1]);
}

/** A `java @file` argument file holding `-cp <class path>`, so the command line stays short in reports. */
function writeArgFile(outputDir, classpath) {
  const quoted = classpath.join(delimiter).replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  writeFileSync(join(outputDir, 'java.args'), `-cp "${quoted}"\n`);
}

function readClasspath(outputDir) {
  const file = join(outputDir, 'classpath.txt');
  if (!existsSync(file)) return undefined;
  const entries = readFileSync(file, 'utf8').trim().split(delimiter).filter(Boolean);
  return [join(outputDir, 'classes'), ...entries];
}

/**
 * Builds the Maven project in `projectDir` into .cache/java/<name>/ unless the output there is
 * already current. Synchronous, so an adapter module can call it while loading. Throws
 * JavaBuildError naming the step that failed (no Java or Maven, dependency resolution,
 * compilation).
 *
 * @param {{ projectDir: string, name?: string, java?: string, mvn?: string, log?: (line: string) => void }} options
 * @returns {{ java: string, classpath: string[], argFile: string, outputDir: string, built: boolean }}
 */
export function buildJavaProgram(options) {
  if (!options?.projectDir) throw new JavaBuildError('buildJavaProgram needs the projectDir to build');
  const projectDir = isAbsolute(options.projectDir) ? options.projectDir : join(repoRoot, options.projectDir);
  const pom = join(projectDir, 'pom.xml');
  if (!existsSync(pom)) throw new JavaBuildError(`no pom.xml in ${shown(projectDir)}`);
  const name = options.name ?? basename(projectDir);
  const java = options.java ?? process.env.JAVA ?? 'java';
  const mvn = options.mvn ?? process.env.MVN ?? 'mvn';
  const log = options.log ?? ((line) => process.stderr.write(`${line}\n`));
  const outputDir = join(javaCacheDir, name);
  const stampFile = `${outputDir}.sha256`;

  const javaVersion = toolVersion(java, ['-version'], 'Java', 'Install Java 17 or later, or point JAVA at the java binary.');
  const major = javaMajor(javaVersion);
  if (major !== undefined && major < 17)
    throw new JavaBuildError(`\`${java}\` is Java ${major}; the shims need Java 17 or later (${javaVersion.split('\n')[0]})`);
  const mvnVersion = toolVersion(mvn, ['-B', '-version'], 'Maven', 'Install Maven 3.8 or later, or point MVN at the mvn binary.');
  const hash = createHash('sha256');
  hash.update(`${javaVersion}\0${mvnVersion}\0`);
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  for (const file of sourceFiles(projectDir)) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(projectDir, file)));
    hash.update('\0');
  }
  const digest = hash.digest('hex');
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === digest) {
    const classpath = readClasspath(outputDir);
    if (classpath?.every((entry) => existsSync(entry)) && existsSync(join(outputDir, 'java.args'))) {
      return { java, classpath, argFile: join(outputDir, 'java.args'), outputDir, built: false };
    }
  }

  log(`java-build: building ${shown(outputDir)} from ${shown(projectDir)}`);
  mkdirSync(javaCacheDir, { recursive: true });
  const temporary = `${outputDir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  const goals = [
    '-B',
    '-q',
    '-f',
    pom,
    `-Dshim.buildDirectory=${temporary}`,
    'compile',
    'dependency:build-classpath',
    `-Dmdep.outputFile=${join(temporary, 'classpath.txt')}`,
    '-Dmdep.includeScope=runtime',
  ];
  const started = Date.now();
  const runMaven = (offline) => spawnSync(mvn, offline ? ['-o', ...goals] : goals, { cwd: projectDir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let result = runMaven(true);
  let output = lastLines(`${result.stdout}\n${result.stderr}`);
  if (
    !result.error &&
    result.status !== 0 &&
    /offline|has not been downloaded|could not be resolved|Could not resolve|Cannot access|No plugin found for prefix/i.test(output)
  ) {
    log('java-build: the Maven local repository lacks an artifact; resolving from the configured repositories (Maven Central)');
    result = runMaven(false);
    output = lastLines(`${result.stdout}\n${result.stderr}`);
  }
  if (result.error || result.status !== 0) {
    rmSync(temporary, { recursive: true, force: true });
    const why = result.error ? result.error.message : `exit ${result.status}`;
    const hint = /Could not transfer|Unknown host|Connection refused|timed out|Network is unreachable/i.test(output)
      ? ' The first build downloads the pinned SDK and Maven plugins from Maven Central into ~/.m2; it needs that access once.'
      : /COMPILATION ERROR|cannot find symbol|error:/.test(output)
        ? ' The Java sources do not compile.'
        : '';
    throw new JavaBuildError(`\`mvn ${goals.join(' ')}\` in ${shown(projectDir)} failed (${why}).${hint}\n${output}`);
  }
  const classpath = readClasspath(temporary);
  if (!classpath || !existsSync(join(temporary, 'classes'))) {
    rmSync(temporary, { recursive: true, force: true });
    throw new JavaBuildError(`Maven reported success in ${shown(projectDir)} but wrote no classes or classpath.txt under ${shown(temporary)}`);
  }
  // The argument file names the classes where they will be after the rename.
  writeArgFile(temporary, [join(outputDir, 'classes'), ...classpath.slice(1)]);
  // Move the old output aside rather than deleting it first, so the swap is two renames.
  const previous = `${outputDir}.old-${process.pid}`;
  if (existsSync(outputDir)) renameSync(outputDir, previous);
  renameSync(temporary, outputDir);
  rmSync(previous, { recursive: true, force: true });
  writeFileSync(stampFile, `${digest}\n`);
  log(`java-build: ${shown(outputDir)} built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { java, classpath: readClasspath(outputDir), argFile: join(outputDir, 'java.args'), outputDir, built: true };
}

function parseArgs(args) {
  const program = { projectDir: args[0] ? resolve(process.cwd(), args[0]) : undefined };
  for (let i = 1; i < args.length; i += 1) {
    if (args[i] === '--name') program.name = args[++i];
    else throw new JavaBuildError(`unknown argument ${args[i]} (usage: node conformance/adapters/toolchains/java-build.mjs [project-dir [--name n]])`);
  }
  return program;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const programs = process.argv.length > 2 ? [parseArgs(process.argv.slice(2))] : KNOWN_PROGRAMS;
    for (const program of programs) {
      const { outputDir, built } = buildJavaProgram(program);
      process.stdout.write(`${shown(outputDir)}: ${built ? 'built' : 'up to date'}\n`);
    }
  } catch (error) {
    process.stderr.write(`${error instanceof JavaBuildError ? error.message : error.stack}\n`);
    process.exit(error instanceof JavaBuildError && /^unknown argument/.test(error.message) ? 2 : 1);
  }
}
