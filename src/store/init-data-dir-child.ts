// Child process of init-data-dir.ts: creates the embedded store in the directory given as the
// only argument (PGlite runs initdb when the directory has no PG_VERSION), then exits.
import { PGlite } from "@electric-sql/pglite";
import { keepEmbeddedSettings } from "./init-data-dir.ts";
import { OwnerOnlyNodeFS } from "./private-data-dir.ts";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: init-data-dir-child.ts <dataDir>");
const lite = await PGlite.create({ fs: new OwnerOnlyNodeFS(dataDir) });
await keepEmbeddedSettings(lite);
await lite.close();
