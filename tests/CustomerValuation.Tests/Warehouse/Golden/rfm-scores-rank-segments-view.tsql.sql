-- rfm-scores-rank-segments-view (TSql): RfmSql.Scores.ToViewDefinition("analytics.rfm_scores")
-- a view: no parameters; the values below are literals written by the generator
CREATE VIEW [analytics].[rfm_scores] AS
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
      WHEN r.day > CAST(CAST('2011-12-10' AS date) AS date) THEN 2
      WHEN r.order_id IS NOT NULL AND LEFT(r.order_id, 1) COLLATE Latin1_General_100_BIN2 = N'C' THEN 3
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
    DATEDIFF(day, MAX(l.day), CAST(CAST('2011-12-10' AS date) AS date)) AS recency_days,
    COUNT(DISTINCT l.order_id) AS frequency,
    SUM(l.amount) AS monetary
  FROM lines l
  WHERE l.status = 0
  GROUP BY l.customer_id
),
numbered AS (
  SELECT f.*, CASE WHEN MIN(CASE WHEN (f.customer_id COLLATE Latin1_General_100_BIN2 NOT LIKE '%[^0-9]%' AND f.customer_id <> '') OR (f.customer_id COLLATE Latin1_General_100_BIN2 LIKE '-_%' AND SUBSTRING(f.customer_id, 2, 4000) COLLATE Latin1_General_100_BIN2 NOT LIKE '%[^0-9]%') THEN 1 ELSE 0 END) OVER () = 1 THEN TRY_CAST(f.customer_id AS decimal(38, 0)) END AS id_number
  FROM features f
),
ordered AS (
  SELECT n.customer_id, n.recency_days, n.frequency, n.monetary,
    ROW_NUMBER() OVER (ORDER BY n.id_number, n.customer_id COLLATE Latin1_General_100_BIN2) AS id_rank
  FROM numbered n
),
windowed AS (
  SELECT o.*,
    NTILE(5) OVER (ORDER BY o.recency_days, o.id_rank) AS bin_r,
    NTILE(5) OVER (ORDER BY o.frequency, o.id_rank) AS bin_f,
    NTILE(5) OVER (ORDER BY o.monetary, o.id_rank) AS bin_m
  FROM ordered o
),
binned AS (
  SELECT w.*,
    w.bin_r AS b_r,
    w.bin_f AS b_f,
    w.bin_m AS b_m
  FROM windowed w
),
scored AS (
  SELECT b.customer_id, b.recency_days, b.frequency, b.monetary, b.id_rank, 6 - b.b_r AS r, b.b_f AS f, b.b_m AS m
  FROM binned b
)
SELECT s.customer_id, s.recency_days, s.frequency, s.monetary, s.r, s.f, s.m,
  CASE WHEN s.r <= 9 AND s.f <= 9 AND s.m <= 9 THEN CONCAT(CAST(s.r AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, CAST(s.f AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, CAST(s.m AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2) ELSE CONCAT(CAST(s.r AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, '-', CAST(s.f AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, '-', CAST(s.m AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2) END AS cell,
  CASE
    WHEN s.r BETWEEN 4 AND 5 AND s.f BETWEEN 4 AND 5 AND s.m BETWEEN 4 AND 5 THEN N'Champions'
    WHEN s.r BETWEEN 2 AND 5 AND s.f BETWEEN 3 AND 5 AND s.m BETWEEN 3 AND 5 THEN N'Loyal'
    WHEN s.r BETWEEN 1 AND 1 AND s.f BETWEEN 4 AND 5 AND s.m BETWEEN 4 AND 5 THEN N'Can''t lose them'
    WHEN s.r BETWEEN 1 AND 2 AND s.f BETWEEN 2 AND 5 AND s.m BETWEEN 2 AND 5 THEN N'At risk'
    WHEN s.r BETWEEN 4 AND 5 AND s.f BETWEEN 1 AND 1 AND s.m BETWEEN 1 AND 1 THEN N'New'
    WHEN s.r BETWEEN 3 AND 4 AND s.f BETWEEN 1 AND 1 AND s.m BETWEEN 1 AND 1 THEN N'Promising'
    WHEN s.r BETWEEN 2 AND 3 AND s.f BETWEEN 2 AND 3 AND s.m BETWEEN 2 AND 3 THEN N'Need attention'
    WHEN s.r BETWEEN 3 AND 5 AND s.f BETWEEN 1 AND 3 AND s.m BETWEEN 1 AND 3 THEN N'Potential loyalist'
    WHEN s.r BETWEEN 2 AND 3 AND s.f BETWEEN 1 AND 2 AND s.m BETWEEN 1 AND 2 THEN N'About to sleep'
    WHEN s.r BETWEEN 1 AND 2 AND s.f BETWEEN 1 AND 2 AND s.m BETWEEN 1 AND 2 THEN N'Lost'
    ELSE N'Others' END AS segment
FROM scored s
