-- rfm-features (TSql): RfmSql.Features
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
features AS (
  SELECT
    l.customer_id AS customer_id,
    DATEDIFF(day, MAX(l.day), CAST(@as_of AS date)) AS recency_days,
    COUNT(DISTINCT l.order_id) AS frequency,
    SUM(l.amount) AS monetary,
    SUM(l.amount) AS total_amount,
    MIN(l.day) AS first_purchase,
    MAX(l.day) AS last_purchase,
    DATEDIFF(day, MIN(l.day), CAST(@as_of AS date)) AS tenure_days
  FROM lines l
  WHERE l.status = 0
  GROUP BY l.customer_id
),
numbered AS (
  SELECT f.*, CASE WHEN MIN(CASE WHEN (f.customer_id COLLATE Latin1_General_100_BIN2 NOT LIKE '%[^0-9]%' AND f.customer_id <> '') OR (f.customer_id COLLATE Latin1_General_100_BIN2 LIKE '-_%' AND SUBSTRING(f.customer_id, 2, 4000) COLLATE Latin1_General_100_BIN2 NOT LIKE '%[^0-9]%') THEN 1 ELSE 0 END) OVER () = 1 THEN TRY_CAST(f.customer_id AS decimal(38, 0)) END AS id_number
  FROM features f
)
SELECT n.customer_id, n.recency_days, n.frequency, n.monetary, n.total_amount, n.first_purchase, n.last_purchase, n.tenure_days
FROM numbered n
ORDER BY n.id_number, n.customer_id COLLATE Latin1_General_100_BIN2
