import { describe } from "vitest";
import { connectorContract } from "../../../src/connectors/kit/connector-contract.ts";
import { fileConnector } from "../../../src/connectors/file/manifest.ts";
import { importIntegrationFile } from "../../../src/services/file-imports.ts";
import { createIntegration } from "../../../src/services/integrations.ts";
import { readIntegration } from "../../../src/store/integrations-table.ts";
import { engines } from "../../setup/database.ts";
import { createTestHub } from "../../setup/hub.ts";

/**
 * R8.2, I3: the file connector passes the contract suite for what its manifest claims (a full
 * scan, read only, no credentials). Its "system" is the file last imported: acting in it as its
 * staff would is editing the spreadsheet and importing the whole file again.
 */
describe.each(engines)("the file connector on $name", (engine) => {
  connectorContract("file (customer file, fullScan)", fileConnector.manifest, async () => {
    const hub = await createTestHub(await engine.open());
    const { id } = await createIntegration(hub.ctx, hub.admin, {
      kind: "file",
      name: "Customer file",
      options: { webhooks: false },
    });
    const rows: Array<{ id: string; firstName: string; email: string }> = [];
    const importFile = async () => {
      const text = [
        "customer_number,first_name,last_name,email",
        ...rows.map((r) => `${r.id},${r.firstName},,${r.email}`),
      ].join("\n");
      await importIntegrationFile(hub.ctx, hub.admin, id, {
        bytes: (async function* () {
          yield new TextEncoder().encode(text);
        })(),
        kind: "csv",
        maxBytes: 1 << 20,
      });
    };
    return {
      connector: await hub.ctx.resolveConnector((await readIntegration(hub.ctx.db, id))!),
      settings: { credentials: {}, options: {} },
      createExternally: async ({ firstName, email }) => {
        const number = `F${String(rows.length + 1).padStart(3, "0")}`;
        rows.push({ id: number, firstName, email });
        await importFile();
        return number;
      },
      renameExternally: async (rowId, firstName) => {
        rows.find((r) => r.id === rowId)!.firstName = firstName;
        await importFile();
      },
      listExternally: async () => rows.map((r) => ({ id: r.id, firstName: r.firstName })),
      close: async () => {},
    };
  });
});
