import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatMoney } from "../../ui/store-settings";

interface Row {
  key: string;
  label: string;
  sales: number;
  total: string;
}

/** The report's totals as bars (drawn as SVG; the table beside it holds the same figures). */
export default function SalesChart({ rows, currency }: { rows: Row[]; currency?: string }) {
  const data = rows.map((r) => ({ label: r.label, total: Number(r.total) }));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} accessibilityLayer={false} margin={{ top: 8, right: 8, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis width={72} tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => formatMoney(String(value), currency)} />
        <Bar dataKey="total" name="Total" fill="#0b5cad" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
