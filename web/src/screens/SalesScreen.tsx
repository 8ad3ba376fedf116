import { useSession } from "../app/session";
import { FollowUpTasks } from "./sales/FollowUpTasks";
import { SalesBatches } from "./sales/SalesBatches";
import { SalesLog } from "./sales/SalesLog";
import { SalesPeriod, useSalesPeriod } from "./sales/SalesPeriod";
import { SalesReport } from "./sales/SalesReport";
import { SalesTriggers } from "./sales/SalesTriggers";

/**
 * Sales (T1, T4, T5): the follow-up tasks the sales triggers made (every role: an associate's
 * are "My tasks today"); for managers and admins the sales batches waiting, the sales report with
 * its chart and the sales log of the chosen days, and the sales triggers.
 */
export function SalesScreen() {
  const session = useSession();
  return (
    <section aria-labelledby="sales-title">
      <h1 id="sales-title">Sales</h1>
      <FollowUpTasks />
      {session.can("getSalesBatch") && <SalesBatches />}
      {(session.can("reportSales") || session.can("listSales")) && <SalesOfPeriod />}
      {session.can("listSalesTriggers") && <SalesTriggers />}
    </section>
  );
}

function SalesOfPeriod() {
  const session = useSession();
  const period = useSalesPeriod();
  return (
    <>
      <SalesPeriod period={period} />
      {session.can("reportSales") && <SalesReport period={period} />}
      {session.can("listSales") && <SalesLog period={period} />}
    </>
  );
}
