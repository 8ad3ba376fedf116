import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { ApiError } from "./api/client";
import { Layout } from "./app/Layout";
import { SessionGate } from "./app/session";
import { ActivityScreen } from "./screens/ActivityScreen";
import { ImportExportScreen } from "./screens/ImportExportScreen";
import { IntegrationScreen } from "./screens/IntegrationScreen";
import { IntegrationsScreen } from "./screens/IntegrationsScreen";
import { PeopleScreen } from "./screens/PeopleScreen";
import { SalesScreen } from "./screens/SalesScreen";
import { WelcomeScreen } from "./screens/WelcomeScreen";
import { CustomerScreen } from "./screens/CustomerScreen";
import { CustomersScreen } from "./screens/CustomersScreen";
import "./styles.css";

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: true,
      // a refusal (4xx) is an answer: shown at once, not asked again
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queries}>
      <BrowserRouter>
        <Routes>
          <Route path="welcome" element={<WelcomeScreen />} />
          <Route path="*" element={<SignedIn />} />
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);

/** Every screen but the welcome page needs a sign-in. */
function SignedIn() {
  return (
    <SessionGate>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Navigate to="/customers" replace />} />
          <Route path="customers" element={<CustomersScreen />} />
          <Route path="customers/:id" element={<CustomerScreen />} />
          <Route path="activity" element={<ActivityScreen />} />
          <Route path="sales" element={<SalesScreen />} />
          <Route path="files" element={<ImportExportScreen />} />
          <Route path="people" element={<PeopleScreen />} />
          <Route path="integrations" element={<IntegrationsScreen />} />
          <Route path="integrations/:id" element={<IntegrationScreen />} />
          <Route path="*" element={<p>There is no such page. Choose a screen above.</p>} />
        </Route>
      </Routes>
    </SessionGate>
  );
}
