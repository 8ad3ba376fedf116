import type { Readable } from "node:stream";
import { birthDatePreference } from "../connectors/file/customer-file-format.ts";
import type { FileKind } from "../connectors/file/read-customer-file.ts";
import {
  fileMediaTypes,
  templateLayout,
  templateRows,
  writeCustomerFile,
  type FileCustomerOut,
} from "../connectors/file/write-customer-file.ts";
import { clientsOfStore, exportLayoutOf } from "../store/client-export.ts";
import { requireRole } from "./users.ts";
import type { Actor, ServiceContext } from "./service-context.ts";

export interface CustomerFileDownload {
  body: Readable;
  contentType: string;
  fileName: string;
}

/**
 * I4: every customer of the actor's store as a customer file (docs/file-format.md), streamed: the
 * layout (how many email, phone and address columns, which preferences) is read first, then the
 * customers a page at a time. Managers and admins: a whole list of customers leaves the hub.
 */
export async function exportCustomers(
  ctx: ServiceContext,
  actor: Actor,
  kind: FileKind,
): Promise<CustomerFileDownload> {
  requireRole(actor, ["admin", "manager"], "exporting every customer");
  const layout = await exportLayoutOf(ctx.db, actor.storeId);
  const fileLayout = {
    ...layout,
    preferences: layout.preferences.filter((name) => name !== birthDatePreference),
  };
  async function* rows(): AsyncGenerator<FileCustomerOut> {
    for await (const client of clientsOfStore(ctx.db, actor.storeId))
      yield { number: client.customerNumber, customer: client.customer };
  }
  return {
    body: writeCustomerFile(kind, fileLayout, rows()),
    contentType: fileMediaTypes[kind],
    fileName: `customers.${kind}`,
  };
}

/** I3, R11.5: the import template (the columns and two sample rows), as `tandem import --template` writes it. */
export function customerFileTemplate(kind: FileKind): CustomerFileDownload {
  return {
    body: writeCustomerFile(kind, templateLayout, templateRows()),
    contentType: fileMediaTypes[kind],
    fileName: `customers-template.${kind}`,
  };
}
