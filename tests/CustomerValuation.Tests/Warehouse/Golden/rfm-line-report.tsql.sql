-- rfm-line-report (TSql): RfmSql.LineReport
-- bind: @as_of = 2011-12-10 (date); @cancelled_prefix = C (text); @cancelled_prefix_length = 1 (int)
WITH raw AS (
  SELECT
    CAST(t.[customer_id] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2 AS customer_id,
    t.[invoice_date] AS ts,
    CAST(t.[invoice_date] AS date) AS day,
    t.[quantity] * t.[unit_price] AS amount,
    t.[quantity] AS quantity,
    t.[unit_price] AS unit_price,
    NULLIF(CAST(t.[invoice_no] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, '') AS order_id,
    t.[stock_code] AS line_key_0
  FROM [sales].[transactions] t
),
classified AS (
  SELECT r.*,
    CASE
      WHEN r.customer_id IS NULL OR LTRIM(RTRIM(r.customer_id)) = '' THEN 1
      WHEN r.day > CAST(@as_of AS date) THEN 2
      WHEN r.order_id IS NOT NULL AND LEFT(r.order_id, @cancelled_prefix_length) COLLATE Latin1_General_100_BIN2 = @cancelled_prefix THEN 3
      WHEN r.quantity <= 0 OR r.unit_price <= 0 THEN 4
      ELSE 0
    END AS status
  FROM raw r
),
lines AS (
  SELECT r.customer_id, r.ts, r.day, r.amount, r.quantity, r.unit_price, r.order_id,
    CASE WHEN r.status = 0 AND ROW_NUMBER() OVER (PARTITION BY r.status, r.customer_id, r.ts, r.quantity, r.unit_price, r.order_id, r.line_key_0 ORDER BY r.ts) > 1 THEN 5 ELSE r.status END AS status
  FROM classified r
),
flagged AS (
  SELECT l.*, MAX(CASE WHEN l.status = 0 THEN 1 ELSE 0 END) OVER (PARTITION BY l.customer_id) AS has_purchase
  FROM lines l
)
SELECT
  COUNT(*) AS lines_read,
  COUNT(CASE WHEN l.status = 1 THEN 1 END) AS lines_without_customer,
  COUNT(CASE WHEN l.status = 2 THEN 1 END) AS lines_after_as_of,
  COUNT(CASE WHEN l.status = 3 THEN 1 END) AS cancelled_lines,
  0 AS non_positive_lines_excluded,
  COUNT(CASE WHEN l.status = 4 THEN 1 END) AS non_positive_lines_netted,
  COUNT(CASE WHEN l.status = 5 THEN 1 END) AS duplicate_lines_removed,
  COUNT(CASE WHEN l.status = 0 THEN 1 END) AS purchase_lines,
  COUNT(CASE WHEN l.status = 0 AND l.order_id IS NULL THEN 1 END) AS purchase_lines_without_order,
  COUNT(DISTINCT CASE WHEN l.status = 0 THEN l.customer_id END) AS customers,
  COUNT(DISTINCT CASE WHEN l.status <> 1 THEN l.customer_id END) - COUNT(DISTINCT CASE WHEN l.status = 0 THEN l.customer_id END) AS customers_without_purchase,
  SUM(CASE WHEN l.status = 0 OR (l.status = 4 AND l.has_purchase = 1) THEN l.amount END) AS total_amount
FROM flagged l
