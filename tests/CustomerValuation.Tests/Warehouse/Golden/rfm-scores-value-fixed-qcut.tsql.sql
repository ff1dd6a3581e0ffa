-- rfm-scores-value-fixed-qcut (TSql): RfmSql.Scores
-- bind: @as_of = 2011-12-10 (date); @f_t1 = 1 (double); @f_t2 = 2 (double); @f_t3 = 4 (double)
WITH raw AS (
  SELECT
    CAST(t.[customer_id] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2 AS customer_id,
    t.[invoice_date] AS ts,
    CAST(t.[invoice_date] AS date) AS day,
    t.[amount] AS amount,
    NULL AS quantity,
    NULL AS unit_price,
    NULLIF(CAST(t.[invoice_no] AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, '') AS order_id
  FROM [sales].[transactions] t
),
features AS (
  SELECT
    l.customer_id AS customer_id,
    DATEDIFF(day, MAX(CASE WHEN (l.amount IS NULL OR l.amount > 0) THEN l.day END), CAST(@as_of AS date)) AS recency_days,
    COUNT(DISTINCT CASE WHEN (l.amount IS NULL OR l.amount > 0) THEN l.order_id END) AS frequency,
    CAST(SUM(l.amount) AS float) / CAST(NULLIF(COUNT(DISTINCT CASE WHEN (l.amount IS NULL OR l.amount > 0) THEN l.order_id END), 0) AS float) AS monetary
  FROM raw l
  WHERE NOT (l.customer_id IS NULL OR LTRIM(RTRIM(l.customer_id)) = '') AND (l.day IS NULL OR l.day <= CAST(@as_of AS date))
  GROUP BY l.customer_id
  HAVING COUNT(CASE WHEN (l.amount IS NULL OR l.amount > 0) THEN 1 END) > 0
),
numbered AS (
  SELECT f.*, CASE WHEN MIN(CASE WHEN (f.customer_id COLLATE Latin1_General_100_BIN2 NOT LIKE '%[^0-9]%' AND f.customer_id <> '') OR (f.customer_id COLLATE Latin1_General_100_BIN2 LIKE '-_%' AND SUBSTRING(f.customer_id, 2, 4000) COLLATE Latin1_General_100_BIN2 NOT LIKE '%[^0-9]%') THEN 1 ELSE 0 END) OVER () = 1 THEN TRY_CAST(f.customer_id AS decimal(38, 0)) END AS id_number, COUNT(*) OVER () AS m_count
  FROM features f
),
ordered AS (
  SELECT n.customer_id, n.recency_days, n.frequency, n.monetary, n.m_count,
    ROW_NUMBER() OVER (ORDER BY n.id_number, n.customer_id COLLATE Latin1_General_100_BIN2) AS id_rank
  FROM numbered n
),
windowed AS (
  SELECT o.*,
    ROW_NUMBER() OVER (ORDER BY o.recency_days) AS k_r,
    ROW_NUMBER() OVER (ORDER BY o.monetary, o.id_rank) AS k_m
  FROM ordered o
),
edges AS (
  SELECT MAX(1) AS one,
    MAX(CASE WHEN w.k_r = ((w.m_count - 1) * 1) / 4 + 1 THEN w.recency_days END) AS e_r_1,
    MAX(CASE WHEN w.k_r = ((w.m_count - 1) * 2) / 4 + 1 THEN w.recency_days END) AS e_r_2,
    MAX(CASE WHEN w.k_r = ((w.m_count - 1) * 3) / 4 + 1 THEN w.recency_days END) AS e_r_3
  FROM windowed w
),
binned AS (
  SELECT w.*,
    (1 + CASE WHEN e.e_r_1 < w.recency_days THEN 1 ELSE 0 END + CASE WHEN e.e_r_2 < w.recency_days THEN 1 ELSE 0 END + CASE WHEN e.e_r_3 < w.recency_days THEN 1 ELSE 0 END) AS b_r,
    (1 + CASE WHEN @f_t1 < w.frequency THEN 1 ELSE 0 END + CASE WHEN @f_t2 < w.frequency THEN 1 ELSE 0 END + CASE WHEN @f_t3 < w.frequency THEN 1 ELSE 0 END) AS b_f,
    CASE WHEN w.m_count = 1 OR w.k_m = 1 THEN 1 ELSE ((w.k_m - 1) * 4 + w.m_count - 2) / (w.m_count - 1) END AS b_m
  FROM windowed w CROSS JOIN edges e
),
scored AS (
  SELECT b.customer_id, b.recency_days, b.frequency, b.monetary, b.id_rank, 5 - b.b_r AS r, b.b_f AS f, b.b_m AS m
  FROM binned b
)
SELECT s.customer_id, s.recency_days, s.frequency, s.monetary, s.r, s.f, s.m,
  CASE WHEN s.r <= 9 AND s.f <= 9 AND s.m <= 9 THEN CONCAT(CAST(s.r AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, CAST(s.f AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, CAST(s.m AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2) ELSE CONCAT(CAST(s.r AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, '-', CAST(s.f AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2, '-', CAST(s.m AS nvarchar(4000)) COLLATE Latin1_General_100_BIN2) END AS cell
FROM scored s
ORDER BY s.id_rank
