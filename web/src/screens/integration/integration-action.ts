import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, ok } from "../../api/client";
import type { components, paths } from "../../api/hub-api";

export type Integration = components["schemas"]["Integration"];
export type IntegrationPatch = NonNullable<
  paths["/v1/integrations/{id}"]["patch"]["requestBody"]
>["content"]["application/json"];

/** A change to an integration (admins): only what the form names; the answer replaces the view. */
export function useIntegrationPatch(id: number, onDone?: () => void) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: (body: IntegrationPatch) =>
      ok(api.PATCH("/v1/integrations/{id}", { params: { path: { id } }, body })),
    onSuccess: (integration) => {
      queries.setQueryData(["integration", id], integration);
      void queries.invalidateQueries({ queryKey: ["integrations"] });
      onDone?.();
    },
  });
}

/** "a, b ,c" as a list, empty parts left out. */
export const listOf = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
