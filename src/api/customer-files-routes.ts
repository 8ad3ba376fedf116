import { Readable } from "node:stream";
import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { FileKind } from "../connectors/file/read-customer-file.ts";
import {
  customerFileTemplate,
  exportCustomers,
  type CustomerFileDownload,
} from "../services/customer-export.ts";
import { importIntegrationFile, type FileUpload } from "../services/file-imports.ts";
import { importHubFile, previewHubFile } from "../services/hub-file-import.ts";
import { RequestError } from "./http-errors.ts";
import type { HubEnv } from "./hub-env.ts";
import { hubRoute, managerRoles } from "./role-route.ts";
import { runSchema } from "./partner-runs-routes.ts";
import { errorResponses, idParam, json } from "./schemas.ts";

const fileContent = {
  "text/csv": { schema: z.string() },
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
    schema: z.string().openapi({ format: "binary" }),
  },
};

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** I3: the upload's kind from its content type, its size checked against the cap first. */
function uploadOf(c: Context<HubEnv>): FileUpload {
  const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const kind: FileKind | undefined =
    type === "text/csv" ? "csv" : type === xlsxType ? "xlsx" : undefined;
  if (!kind)
    throw new RequestError(
      "unsupported_media_type",
      `content-type: send the customer file as text/csv or ${xlsxType} (got '${type || "none"}')`,
    );
  const maxBytes = c.get("maxFileBytes");
  const length = Number(c.req.header("content-length") ?? "0");
  if (length > maxBytes)
    throw new RequestError(
      "too_large",
      `body: the file is larger than ${maxBytes} bytes (the server's --max-file-bytes)`,
    );
  const body = c.req.raw.body;
  if (!body) throw new RequestError("unsupported_media_type", "body: send the customer file");
  return { bytes: body as unknown as AsyncIterable<Uint8Array>, kind, maxBytes };
}

const uploadBody = {
  body: {
    required: true,
    content: {
      "text/csv": { schema: z.string() },
      [xlsxType]: { schema: z.string().openapi({ format: "binary" }) },
    },
  },
};

const integrationImportSchema = z
  .object({
    rows: z.number(),
    added: z.number(),
    changed: z.number(),
    unchanged: z.number(),
    gone: z.number(),
    goneNumbers: z.array(z.string()),
  })
  .openapi("IntegrationFileImport");

/**
 * I3, I4: customer files (docs/file-format.md) in and out. Mounted before the customers' routes,
 * so `/v1/customers/export` is not read as a customer id.
 */
export const customerFilesRoutes = new OpenAPIHono<HubEnv>()
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/integrations/{id}/import",
      operationId: "importIntegrationFile",
      summary: "I3: a customer file as the other side of a file integration (CSV or XLSX body)",
      description:
        "The file is a snapshot (docs/file-format.md): new and changed rows come in, rows it no longer lists are reported and kept. Every row is checked first; a file with an error imports nothing (400, errors by row and column). Capped by --max-file-bytes (413).",
      roles: managerRoles,
      tags: ["integrations"],
      request: { params: idParam, ...uploadBody },
      responses: {
        200: json(integrationImportSchema, "what the import changed"),
        ...errorResponses,
      },
    }),
    async (c) => {
      const { id } = c.req.valid("param");
      const summary = await importIntegrationFile(c.get("ctx"), c.get("actor"), id, uploadOf(c));
      return c.json(summary, 200);
    },
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/customers/import",
      operationId: "importHubFile",
      summary: "I3: a customer file loaded into the hub as new customers (CSV or XLSX body)",
      description:
        'A store moving its list into Tandem (docs/file-format.md, "Into the hub"). Every row is checked first; a file with an error, or a customer number twice, loads nothing (400, errors by row and column). A row whose number or email a hub customer has is left out and reported. The others become hub customers as a user creates one, keeping their numbers: a run (`GET /v1/partner-runs/{id}`) that the workers work off exactly once. The same file again is refused (409). Capped by --max-file-bytes (413).',
      roles: managerRoles,
      tags: ["customers"],
      request: uploadBody,
      responses: {
        202: json(
          z
            .object({
              rows: z.number(),
              queued: z.number(),
              skipped: z.number(),
              skippedRows: z.array(z.object({ row: z.number(), reason: z.string() })),
              run: runSchema,
            })
            .openapi("HubFileImport"),
          "the rows checked, the run that creates them, and the rows left out",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await importHubFile(c.get("ctx"), c.get("actor"), uploadOf(c)), 202),
  )
  .openapi(
    hubRoute({
      method: "post",
      path: "/v1/customers/import-preview",
      operationId: "previewHubFile",
      summary: "R11.5: what a customer file would load into the hub, checked and not loaded",
      description:
        "The checks of `POST /v1/customers/import`, every row, rolled back: the rows it would load and the ones it would leave out, or the 400 with every problem by row and column (`error.problems`). Nothing is saved.",
      roles: managerRoles,
      tags: ["customers"],
      request: uploadBody,
      responses: {
        200: json(
          z
            .object({
              rows: z.number(),
              queued: z.number().openapi({ description: "rows that would become hub customers" }),
              skipped: z.number(),
              skippedRows: z.array(z.object({ row: z.number(), reason: z.string() })),
            })
            .openapi("HubFilePreview"),
          "what the import would do",
        ),
        ...errorResponses,
      },
    }),
    async (c) => c.json(await previewHubFile(c.get("ctx"), c.get("actor"), uploadOf(c)), 200),
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/customers/export",
      operationId: "exportCustomers",
      summary: "I4: every customer as a CSV or XLSX customer file (streamed)",
      description:
        "The customer file format of docs/file-format.md; values a spreadsheet would run as a formula start with a single quote.",
      roles: managerRoles,
      tags: ["customers"],
      request: {
        query: z.object({ format: z.enum(["csv", "xlsx"]).default("csv") }),
      },
      responses: {
        200: { description: "the customer file", content: fileContent },
        ...errorResponses,
      },
    }),
    async (c) =>
      download(await exportCustomers(c.get("ctx"), c.get("actor"), c.req.valid("query").format)),
  )
  .openapi(
    hubRoute({
      method: "get",
      path: "/v1/customers/import-template",
      operationId: "customerFileTemplate",
      summary: "I3: the customer file's template, as CSV or XLSX",
      description:
        "The columns of docs/file-format.md with two sample rows, as `tandem import --template` writes them.",
      roles: managerRoles,
      tags: ["customers"],
      request: {
        query: z.object({ format: z.enum(["csv", "xlsx"]).default("csv") }),
      },
      responses: {
        200: { description: "the template", content: fileContent },
        ...errorResponses,
      },
    }),
    (c) => download(customerFileTemplate(c.req.valid("query").format)),
  );

/** A customer file as an attachment, streamed. */
function download(file: CustomerFileDownload) {
  return new Response(Readable.toWeb(file.body) as ReadableStream, {
    status: 200,
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
    },
  }) as never;
}
