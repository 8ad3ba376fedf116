import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { Layout } from "./app/Layout";
import { SessionGate } from "./app/session";
import { ActivityScreen } from "./screens/ActivityScreen";
import { ImportExportScreen } from "./screens/ImportExportScreen";
import { CustomerScreen } from "./screens/CustomerScreen";
import { CustomersScreen } from "./screens/CustomersScreen";
import "./styles.css";

const queries = new QueryClient({
  defaultOptions: { queries: { staleTime: 10_000, refetchOnWindowFocus: true } },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <BrowserRouter>
        <SessionGate>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<Navigate to="/customers" replace />} />
              <Route path="customers" element={<CustomersScreen />} />
              <Route path="customers/:id" element={<CustomerScreen />} />
              <Route path="activity" element={<ActivityScreen />} />
              <Route path="files" element={<ImportExportScreen />} />
              <Route path="*" element={<p>There is no such page. Choose a screen above.</p>} />
            </Route>
          </Routes>
        </SessionGate>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
