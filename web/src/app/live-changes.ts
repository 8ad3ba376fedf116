import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/**
 * R11.9: changes made elsewhere (a POS edit, a finished batch) appear without a reload. The hub's
 * stream (/v1/live) says that the store changed; every query on screen is then asked again.
 * EventSource reconnects by itself after a dropped connection or the stream's hour.
 */
export function useLiveChanges() {
  const queries = useQueryClient();
  useEffect(() => {
    const source = new EventSource("/v1/live");
    const refresh = () => void queries.invalidateQueries({ refetchType: "active" });
    source.addEventListener("change", refresh);
    return () => source.close();
  }, [queries]);
}
