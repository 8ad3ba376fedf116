import { chmodSync, lstatSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { NodeFS } from "@electric-sql/pglite/nodefs";

/** Drops every group and other permission bit: the embedded store is its owner's alone. */
const ownerOnly = (mode: number) => mode & ~0o077;

/**
 * Creates the data directory if needed and makes it and everything in it private (directories
 * 0700, files 0600 at most), whatever the umask. The walk also repairs data directories written
 * by versions that left them readable by every local user.
 */
export function restrictDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const walk = (path: string) => {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return;
    const mode = stat.isDirectory() ? 0o700 : ownerOnly(stat.mode & 0o777);
    if ((stat.mode & 0o777) !== mode) chmodSync(path, mode);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) walk(join(path, entry));
  };
  walk(dataDir);
}

interface NodeOps {
  mknod?: (parent: unknown, name: string, mode: number, dev: number) => unknown;
  setattr?: (target: unknown, attr: { mode?: number }) => void;
}

/**
 * PGlite's file system on Node, writing owner-only files.
 *
 * Why not `process.umask(0o077)`: PGlite's Emscripten layer creates every file and then calls
 * `fs.chmodSync(path, 0o666)` itself (its `FS.open` chmods new files to the mode Postgres asked
 * for, and this Postgres build asks for 0666), and chmod ignores the umask; so the WAL and the
 * catalog came out world-readable whatever the umask. Instead, the two places where Emscripten's
 * NODEFS hands a mode to Node (`mknod` creating a file or directory, `setattr` changing a mode)
 * get the mode with its group and other bits dropped, before the file exists. A PGlite upgrade
 * that renames these internals fails loudly at open (see `patchModes`), and the data directory
 * test (test/e2e/data-dir.test.ts) walks every file.
 */
export class OwnerOnlyNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS["init"]>[1]) {
    const result = await super.init(pg, opts);
    const preRun = result.emscriptenOpts.preRun ?? [];
    result.emscriptenOpts.preRun = [(mod) => patchModes(mod.NODEFS), ...preRun];
    return result;
  }
}

function patchModes(nodefs: unknown): void {
  const ops = nodefs as { node_ops?: NodeOps; stream_ops?: NodeOps } | undefined;
  const mknod = ops?.node_ops?.mknod;
  if (
    !ops?.node_ops ||
    !ops.stream_ops ||
    !mknod ||
    !ops.node_ops.setattr ||
    !ops.stream_ops.setattr
  )
    throw new Error(
      "this PGlite version's file system is not the one Tandem knows: cannot keep the data directory private",
    );
  ops.node_ops.mknod = (parent, name, mode, dev) => mknod(parent, name, ownerOnly(mode), dev);
  for (const table of [ops.node_ops, ops.stream_ops]) {
    const setattr = table.setattr!;
    table.setattr = (target, attr) =>
      setattr(target, attr.mode === undefined ? attr : { ...attr, mode: ownerOnly(attr.mode) });
  }
}
