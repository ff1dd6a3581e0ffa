-- RFM as a data engineer would write it by hand in PostgreSQL: the same definition as
-- `customer-valuation sql rfm --amount-column amount --order-column invoice_no --as-of 2025-12-31
-- --segments none` (purchases are lines with amount > 0 up to the as-of date; recency in days from
-- the last purchase day, distinct orders, sum of amounts; NTILE(5) per dimension), but with the
-- ties in each NTILE left to the engine (no id order), no line report and no id normalisation.
CREATE TABLE bench.rfm_handwritten AS
WITH f AS (
  SELECT customer_id,
         DATE '2025-12-31' - MAX(CAST(invoice_date AS date)) AS recency_days,
         COUNT(DISTINCT invoice_no) AS frequency,
         SUM(amount) AS monetary
  FROM bench.tx
  WHERE customer_id IS NOT NULL AND amount > 0 AND CAST(invoice_date AS date) <= DATE '2025-12-31'
  GROUP BY customer_id
)
SELECT customer_id, recency_days, frequency, monetary,
       6 - NTILE(5) OVER (ORDER BY recency_days) AS r,
       NTILE(5) OVER (ORDER BY frequency) AS f,
       NTILE(5) OVER (ORDER BY monetary) AS m
FROM f;
