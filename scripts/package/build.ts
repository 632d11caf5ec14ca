/**
 * Building the app for a package, and reading the build back as the list of files every package kind is made from.
 * The build goes to a folder of its own (never dist/, which the browser tests and `npm start` use).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** The project root: the folder holding package.json. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** One file of the build: its path relative to the build folder, with "/" separators, and its bytes. */
export interface BuiltFile {
  path: string;
  data: Uint8Array;
}

/** Runs `vite build` into `outDir` (emptied first). Rejects with Vite's output when the build fails. */
export function buildApp(outDir: string, root = ROOT): Promise<void> {
  const vite = join(root, 'node_modules/vite/bin/vite.js');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`vite build failed (exit ${code}):\n${output}`))));
  });
}

/** Every file under `dir`, sorted by path, so a package lists and zips them in the same order every time. */
export function readBuild(dir: string): BuiltFile[] {
  const out: BuiltFile[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const abs = join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) out.push({ path: relative(dir, abs).split('\\').join('/'), data: readFileSync(abs) });
    }
  };
  walk(dir);
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
